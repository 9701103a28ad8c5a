"""The one rule for text that is not our own literal: it is shown as text, never as HTML.

Qt guesses: a label, a tooltip or a message box shows its text as HTML whenever ``Qt.mightBeRichText``
says it looks like HTML (a tag near the start of the first line, or ``&lt;`` before any tag). Device names,
district codes, file names, comments, quarantine reasons, conflict values and the audit log's before and
after come from bundles, enrollment files and other users: shown as HTML, a PC's name could draw a fake
"already confirmed by phone" in large type, load a local file with ``<img>``, or hide the warning of a
question behind an unclosed comment. So:

* every label is made here: :func:`plain_label` is plain text, whatever is set on it later; a label that
  must mix our formatting with data is a :func:`rich_label` over :func:`html_fill`, which escapes the data;
* a tooltip or ``ToolTipRole`` that holds data is :func:`plain_tooltip` (Qt has no plain-text tooltip:
  the text is escaped and made rich on purpose, so it reads exactly as written);
* a question or notice is a :func:`message_box` (plain text), and a prompt for a line of text is an
  :func:`input_dialog` (its label plain).

``tests/test_untrusted_text.py`` fills every screen with hostile text and checks all of this, and that no
``QLabel``, ``QMessageBox`` or ``QInputDialog`` is made anywhere else in ``gui/``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from storage.i18n import fill


def plain(label: QLabel) -> QLabel:
    """Make an existing label (a subclass's, or one Qt made) show its text as written."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as written, now and after every ``setText``: the default label."""
    label = QLabel(parent)
    plain(label).setText(text)
    return label


def escape(text: object) -> str:
    """Data to put inside our own HTML: ``<``, ``>`` and ``&`` as entities (quotes stay readable)."""
    return html.escape(str(text), quote=False)


def html_fill(template: str, **values: object) -> str:
    """Our HTML ``template`` (a literal, translated) filled with data, each value escaped."""
    return fill(template, **{name: value if isinstance(value, int | float) else escape(value)
                             for name, value in values.items()})


def rich_label(html_text: str, parent: QWidget | None = None) -> QLabel:
    """A label whose HTML is ours: a literal, or :func:`html_fill` of one. Never data as it came."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(html_text)
    return label


def plain_tooltip(text: object) -> str:
    """A tooltip (or ``ToolTipRole``) that reads exactly as ``text``: escaped, spaces and line breaks kept.

    Qt shows a tooltip as HTML whenever it looks like HTML, and has no plain-text tooltip, so the text is
    made HTML on purpose: one paragraph whose content is the escaped text. Nothing gives no tooltip.
    """
    if text is None or text == "":
        return ""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def message_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None) -> QMessageBox:
    """A message box whose text is shown as written (it names PCs, users and files)."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def input_dialog(parent: QWidget | None, title: str, prompt: str,
                 echo: QLineEdit.EchoMode = QLineEdit.EchoMode.Normal) -> QInputDialog:
    """A dialog asking for one line of text, its prompt shown as written (it may name a user)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(echo)
    dialog.setLabelText(prompt)  # makes the dialog's label
    for label in dialog.findChildren(QLabel):
        plain(label)
    return dialog


def labels_as_text(widget: QWidget) -> QWidget:
    """Make every label under ``widget`` show its text as written (:func:`plain`), those a form layout made
    for its rows included: for a dialog that shows what a file or a bundle claims."""
    for label in widget.findChildren(QLabel):
        plain(label)
    return widget
