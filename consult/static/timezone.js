// Keeps the browser's time zone in the `tz` cookie, so pages show times in it
// (the server checks the name against its list of zones).
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }
  // Zone names (Europe/Berlin, America/Port-au-Prince) are valid cookie values as they are.
  var wanted = "tz=" + zone;
  var cookies = document.cookie ? document.cookie.split("; ") : [];
  if (cookies.indexOf(wanted) === -1) {
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = wanted + "; Path=/; Max-Age=31536000; SameSite=Lax" + secure;
  }
})();
