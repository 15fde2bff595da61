#!/usr/bin/env python3
"""Set up and run Consult with nothing but Python 3.11+.

    python3 dev.py demo   # install, migrate, load the demo data, serve it on SQLite
    python3 dev.py test   # install with test extras, run the whole test suite

Both create `.venv/` on first use and reinstall only when pyproject.toml changes.
"""

import hashlib
import os
import secrets
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
INSTANCE = ROOT / "instance"


def run(*args: str, env: dict | None = None) -> None:
    completed = subprocess.run(args, cwd=ROOT, env=env)
    if completed.returncode:
        raise SystemExit(completed.returncode)


def install(extras: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs under whatever python3 is found)
        raise SystemExit("Consult needs Python 3.11 or newer.")
    if not (BIN / "python").exists():
        print("Creating .venv …", flush=True)
        venv.create(VENV, with_pip=True)
    stamp = VENV / f".installed-{extras or 'base'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print("Installing dependencies …", flush=True)
    run(str(BIN / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(str(BIN / "python"), "-m", "pip", "install", "--quiet", "-e", f".{extras}")
    stamp.write_text(wanted)


def demo_environment() -> dict:
    INSTANCE.mkdir(exist_ok=True)
    key_file = INSTANCE / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(48))
        key_file.chmod(0o600)
    env = {**os.environ, "SECRET_KEY": key_file.read_text().strip()}
    env.pop("DATABASE_URL", None)
    return env


def demo(args: list[str]) -> None:
    install("")
    env = demo_environment()
    flask = [str(BIN / "flask"), "--app", "wsgi"]
    run(*flask, "db", "upgrade", env=env)
    run(*flask, "demo", "load", env=env)
    port = os.environ.get("PORT", "5000")
    print(f"\nConsult demo: http://127.0.0.1:{port}/  (Ctrl+C to stop)\n", flush=True)
    os.chdir(ROOT)
    os.execve(
        str(BIN / "flask"), [*flask, "run", "--host", "127.0.0.1", "--port", port, *args], env
    )


def test(args: list[str]) -> None:
    install("[test]")
    os.chdir(ROOT)
    os.execv(str(BIN / "python"), [str(BIN / "python"), "-m", "pytest", *args])


COMMANDS = {"demo": demo, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        raise SystemExit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])
