"""Mail a stopped publish's status to a person: `invoke publish-alert`.

systemd runs it when the nightly publish fails (deploy/systemd,
OnFailure=). Nobody should learn from a family that the site is out of date.

The environment says where it goes (deploy/systemd/iop-publish.env):
IOP_ALERT_EMAIL (one or more addresses, comma-separated: nothing is sent
without it), IOP_ALERT_FROM (default iop-publish@<this host>) and
IOP_SMTP_HOST / IOP_SMTP_PORT (default localhost:25, the machine's own mail
server). Plain SMTP to the machine's own relay: the standard library's
smtplib, no package of ours.
"""

import email.message
import smtplib
import socket


def message(text, environ):
    """The mail: the status's first words as its subject, the status as its body."""
    mail = email.message.EmailMessage()
    head = text.splitlines()[0].split(";")[0] if text else "publish status"
    mail["Subject"] = f"IOP site: {head}"
    mail["From"] = environ.get("IOP_ALERT_FROM") or f"iop-publish@{socket.getfqdn()}"
    mail["To"] = environ["IOP_ALERT_EMAIL"]
    mail.set_content(
        text
        + "\n\nThe live site is unchanged: it still shows the last good publish."
        + "\nFix the problems above in content/ (EDITING.md says how), then the"
        + " next nightly publish puts the site live again.\n"
    )
    return mail


def send(text, environ):
    """Send the status; what was done, in words."""
    to = (environ.get("IOP_ALERT_EMAIL") or "").strip()
    if not to:
        return "IOP_ALERT_EMAIL is not set: nobody was mailed.\n" + text
    host = environ.get("IOP_SMTP_HOST") or "localhost"
    port = int(environ.get("IOP_SMTP_PORT") or 25)
    with smtplib.SMTP(host, port, timeout=30) as server:
        server.send_message(message(text, environ))
    return f"Mailed the publish status to {to}."
