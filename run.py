"""Set up on first use, then run a task: `python3 run.py preview`, `lint` or `test`.

Needs only Python 3.11+. Creates the virtual environment in .venv/, installs
the pinned requirements (again only when requirements.txt changes), then hands
over to the invoke task of the same purpose (see `invoke --list`).
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
STAMP = VENV / ".requirements.sha256"
VERBS = {
    "preview": ["livereload"],
    "lint": ["lint"],
    "test": ["test"],
    "build": ["build"],
    "setup": ["setup"],
}


def requirements_digest():
    return hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()


def ensure_environment():
    if not (BIN / "python").exists():
        print("Creating the virtual environment in .venv/ ...", flush=True)
        venv.create(VENV, with_pip=True)
    digest = requirements_digest()
    if not STAMP.exists() or STAMP.read_text().strip() != digest:
        print("Installing the pinned requirements ...", flush=True)
        pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check"]
        subprocess.run(pip + ["-q", "-r", str(ROOT / "requirements.txt")], check=True)
        STAMP.write_text(digest + "\n")


def main(argv):
    if not argv or argv[0] not in VERBS:
        print(f"usage: python3 run.py {{{'|'.join(VERBS)}}} [task options]", file=sys.stderr)
        return 2
    ensure_environment()
    command = [str(BIN / "invoke"), *VERBS[argv[0]], *argv[1:]]
    os.chdir(ROOT)
    # Keep compiled modules (__pycache__/, gitignored) even where the machine
    # says not to: every preview rebuild, publish and test process imports
    # Pelican and our plugins afresh, and compiling them again cost the test
    # suite about 7 s in 100.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
