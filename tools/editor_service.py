"""The web editor on the center's server: `/admin/` of the real site.

    python -m tools.editor_service --content /srv/iop/site/content \\
        --repo center/iop-site --public-url https://iop.example [--port 8088]

Serves the editor page, its configuration (GitHub backend, every save a
branch and a pull request: tools/editor_config.py), GitHub sign-in
(tools/editor_oauth.py), and the checks and previews of unsaved text, run
against the checkout of main at --content (the publish's own, kept current
by the nightly `git pull`). nginx passes /admin/ to it (deploy/nginx/
iop-editor.conf); systemd runs it (deploy/systemd/iop-editor.service), as
an unprivileged user that may read the checkout and nothing else of the site.

Waitress serves it: a pure-Python WSGI server of the Pylons project, with
threads, so a sign-in is never stuck behind a preview's build (builds run
one at a time: tools/editor_checks.py).
"""

import argparse
import os
import sys

from tools import editor_backend, editor_oauth, publishing


def status_reader(target):
    """The last publish's status, if the releases folder is given."""
    if not target:
        return lambda: None

    def read():
        try:
            return publishing.read_status(target)
        except Exception:  # noqa: BLE001 - no status is shown, never a crash
            return None

    return read


def app_from(args, environ=os.environ):
    access = editor_oauth.Access(
        repo=args.repo,
        client_id=environ.get("IOP_GITHUB_CLIENT_ID", ""),
        client_secret=environ.get("IOP_GITHUB_CLIENT_SECRET", ""),
        web=environ.get("IOP_GITHUB_URL", "https://github.com").rstrip("/"),
        api=environ.get("IOP_GITHUB_API", "https://api.github.com").rstrip("/"),
    )
    if not access.client_id or not access.client_secret:
        raise SystemExit(
            "IOP_GITHUB_CLIENT_ID and IOP_GITHUB_CLIENT_SECRET are not set: "
            "create the GitHub OAuth App (docs/web-editor.md) and put them in /etc/iop-editor.env"
        )
    return editor_backend.Editor(
        args.content,
        access=access,
        public_url=args.public_url,
        status=status_reader(args.status_from),
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", required=True, help="the checkout of main's content/")
    parser.add_argument("--repo", required=True, help="the GitHub repository, owner/name")
    parser.add_argument("--public-url", required=True, help="the site's address, https://...")
    parser.add_argument("--port", type=int, default=8088)
    parser.add_argument("--host", default="127.0.0.1", help="nginx in front; never 0.0.0.0")
    parser.add_argument("--status-from", default="", help="the releases folder (publish status)")
    args = parser.parse_args(argv)
    app = app_from(args)
    import waitress

    print(f"Web editor for {args.public_url}/admin/ on {args.host}:{args.port}", flush=True)
    waitress.serve(app, host=args.host, port=args.port, threads=4, ident="iop-editor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
