"""A tiny real SMTP server for tests: it records each message it accepts, and can hold
the reply to a message's end-of-data (as a slow mail server would) so a test can kill
the sender mid-send. A message whose sender disappears before the reply is not kept."""

from __future__ import annotations

import socket
import socketserver
import threading
from dataclasses import dataclass, field


@dataclass
class Mailbox:
    messages: list[bytes] = field(default_factory=list)
    #: set while the server holds a message's final reply; cleared by `release()`
    holding: threading.Event = field(default_factory=threading.Event)
    hold_next: bool = False
    _release: threading.Event = field(default_factory=threading.Event)

    def release(self) -> None:
        self.hold_next = False
        self._release.set()


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def _reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())
        self.wfile.flush()

    def _sender_gone(self) -> bool:
        try:
            return self.connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True

    def handle(self) -> None:
        box = self.server.mailbox
        self._reply("220 stub ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self._reply("250 stub")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self._reply("250 OK")
            elif command == "DATA":
                self._reply("354 go ahead")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk
                if box.hold_next:
                    box.holding.set()
                    box._release.wait(timeout=120)
                    box.holding.clear()
                    if self._sender_gone():
                        return  # the message was never handed over: nothing is kept
                self._reply("250 queued")
                box.messages.append(data)
            elif command == "QUIT":
                self._reply("221 bye")
                return
            else:
                self._reply("502 not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    mailbox: Mailbox


def start_smtp_stub() -> tuple[_Server, Mailbox]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.mailbox = Mailbox()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.mailbox
