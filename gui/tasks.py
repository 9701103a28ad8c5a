"""Background work, after Picard's ``picard/util/thread.py``: one ``run_task(fn, on_done)`` helper.

Workers run on the global ``QThreadPool`` and never touch widgets; the result (or the exception) is
delivered back on the GUI thread through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object, object)  # result, error


class _Task(QRunnable):
    def __init__(self, function: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.function = function
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.function()
        except Exception as error:  # delivered to on_done; the GUI decides how to show it
            self.relay.finished.emit(None, error)
        else:
            self.relay.finished.emit(result, None)


_relays: set[_Relay] = set()


def run_task(function: Callable[[], object], on_done: Callable[[object, Exception | None], None]) -> None:
    """Run ``function`` off the GUI thread; call ``on_done(result, error)`` on the GUI thread after."""
    relay = _Relay()
    _relays.add(relay)  # keep the relay alive until its signal has been delivered

    def deliver(result: object, error: object) -> None:
        _relays.discard(relay)
        on_done(result, error if isinstance(error, Exception) else None)

    relay.finished.connect(deliver)
    QThreadPool.globalInstance().start(_Task(function, relay))
