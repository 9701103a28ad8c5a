"""Background work, after Picard's ``picard/util/thread.py``: one ``run_task(fn, on_done)`` helper.

Workers run on the global ``QThreadPool`` and never touch widgets; the result (or the exception) is
delivered back on the GUI thread through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from storage.core.session import Session


class _Relay(QObject):
    finished = Signal(object, object)  # result, error
    progressed = Signal(object)  # the arguments of one report, as a tuple


class _Task(QRunnable):
    def __init__(self, function: Callable[..., object], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self.function = function
        self.relay = relay
        self.with_progress = with_progress

    def _report(self, *arguments: object) -> None:
        self.relay.progressed.emit(arguments)

    def run(self) -> None:
        try:
            # The worker reports progress through a queued signal; it never touches a widget itself.
            result = self.function(self._report) if self.with_progress else self.function()
        except Exception as error:  # delivered to on_done; the GUI decides how to show it
            self.relay.finished.emit(None, error)
        else:
            self.relay.finished.emit(result, None)


_relays: set[_Relay] = set()


def run_task(function: Callable[..., object], on_done: Callable[[object, Exception | None], None],
             on_progress: Callable[..., None] | None = None) -> None:
    """Run ``function`` off the GUI thread; call ``on_done(result, error)`` on the GUI thread after.

    With ``on_progress``, ``function`` receives a ``report(...)`` callable (``report(done, total)`` for
    a progress bar, or one progress object), and each report reaches ``on_progress`` with the same
    arguments on the GUI thread.
    """
    relay = _Relay()
    _relays.add(relay)  # keep the relay alive until its signal has been delivered

    def deliver(result: object, error: object) -> None:
        _relays.discard(relay)
        on_done(result, error if isinstance(error, Exception) else None)

    relay.finished.connect(deliver)
    if on_progress is not None:
        relay.progressed.connect(lambda arguments: on_progress(*arguments))
    QThreadPool.globalInstance().start(_Task(function, relay, with_progress=on_progress is not None))


def run_with_own_connection(session: Session, query: Callable[[Session], object],
                            on_done: Callable[[object, Exception | None], None]) -> None:
    """``run_task`` for a read: ``query`` gets the same user on a connection of its own, closed after.

    SQLite connections must not be shared across threads, so the GUI's session never leaves the GUI
    thread; opening another connection with the key already in memory takes a few milliseconds.
    """
    def on_own_connection() -> object:
        worker = session.worker_session()
        try:
            return query(worker)
        finally:
            worker.close()

    run_task(on_own_connection, on_done)
