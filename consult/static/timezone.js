// Keeps the browser's time zone in the `tz` cookie, so pages show times in it
// (the server checks the name against its list of zones). On a page written before the
// server knew the zone (a first visit: `data-times-in` on <body>), shows its times again
// in the browser's zone, so that no page shows another zone's times.
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

  var root = document.documentElement;
  var written = document.body && document.body.getAttribute("data-times-in");
  if (!written || written === zone) {
    return;
  }

  // One formatter per width and one per zone-name style, however many times a page shows.
  var language = root.lang || undefined;
  var moments = {};
  var shortName;
  var longName;

  function zoneName(format, instant) {
    var parts = format.formatToParts(instant);
    for (var i = 0; i < parts.length; i += 1) {
      if (parts[i].type === "timeZoneName") {
        return parts[i].value;
      }
    }
    return zone;
  }

  function momentFormat(width) {
    if (!moments[width]) {
      moments[width] = new Intl.DateTimeFormat(language, {
        dateStyle: width,
        timeStyle: "short",
        timeZone: zone
      });
    }
    return moments[width];
  }

  // As the server writes a moment (zones.moment): date, time to the minute, the zone named.
  function showInZone(time) {
    var instant = new Date(time.getAttribute("datetime"));
    if (isNaN(instant.getTime())) {
      return;
    }
    var moment = momentFormat(time.getAttribute("data-width") || "medium");
    time.textContent = moment.format(instant) + " " + zoneName(shortName, instant);
    time.title = zoneName(longName, instant);
  }

  try {
    shortName = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: "short" });
    longName = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: "long" });
    var times = document.querySelectorAll("time[datetime][data-width]");
    for (var i = 0; i < times.length; i += 1) {
      showInZone(times[i]);
    }
  } catch (error) {
    // A browser without these Intl options keeps the server's times, zone named.
  }
})();
