"""Background work, after Picard's ``picard/util/thread.py``: one ``run_task(fn, on_done)`` helper.

Workers run on the global ``QThreadPool`` and never touch widgets; the result (or the exception) is
delivered back on the GUI thread through a queued signal. A task names its ``owner``, the widget or model
the result is for: when the owner has been deleted by the time the result arrives (its screen closed,
the user signed out), the result is dropped instead of reaching a callback that would touch a deleted
object. Work on the database goes through :func:`run_with_own_connection`, which gives it a connection
of its own.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from storage.core.session import Session

OnDone = Callable[[object, Exception | None], None]


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


def run_task(function: Callable[..., object], on_done: OnDone, on_progress: Callable[..., None] | None = None, *,
             owner: QObject | None = None, on_dropped: Callable[[object], None] | None = None) -> None:
    """Run ``function`` off the GUI thread; call ``on_done(result, error)`` on the GUI thread after.

    With ``on_progress``, ``function`` receives a ``report(...)`` callable (``report(done, total)`` for
    a progress bar, or one progress object), and each report reaches ``on_progress`` with the same
    arguments on the GUI thread.

    ``owner``: the object the result is for. Once it is deleted, neither ``on_done`` nor ``on_progress``
    is called; the result goes to ``on_dropped`` instead, when given, to release what it holds (a staged
    restore's files, an open session).
    """
    relay = _Relay()
    _relays.add(relay)  # keep the relay alive until its signal has been delivered

    def owner_alive() -> bool:
        # The Python wrapper outlives the C++ object it wraps: ask shiboken whether the object is there.
        return owner is None or shiboken6.isValid(owner)

    def deliver(result: object, error: object) -> None:
        _relays.discard(relay)
        if not owner_alive():
            if on_dropped is not None:
                on_dropped(result)
            return
        on_done(result, error if isinstance(error, Exception) else None)

    def report(arguments: tuple) -> None:
        if on_progress is not None and owner_alive():
            on_progress(*arguments)

    relay.finished.connect(deliver)
    if on_progress is not None:
        relay.progressed.connect(report)
    QThreadPool.globalInstance().start(_Task(function, relay, with_progress=on_progress is not None))


def run_with_own_connection(session: Session, query: Callable[..., object], on_done: OnDone,
                            on_progress: Callable[..., None] | None = None, *, owner: QObject | None = None,
                            on_dropped: Callable[[object], None] | None = None) -> None:
    """``run_task`` for work on the database: ``query(worker)`` gets the same user on a connection of its
    own, closed after; with ``on_progress`` it is called ``query(worker, report)``.

    SQLite connections must not be shared across threads, so the GUI's session never leaves the GUI
    thread; opening another connection with the key already in memory takes a few milliseconds.
    """
    def on_own_connection(*report: Callable[..., None]) -> object:
        worker = session.worker_session()
        try:
            return query(worker, *report)
        finally:
            worker.close()

    run_task(on_own_connection, on_done, on_progress, owner=owner, on_dropped=on_dropped)
