"""The desk case form: the dialog, its tab builders and the GBV classification stepper, each a module."""

from gui.screens.desk_register.case_form.dialog import CaseFormDialog

__all__ = ["CaseFormDialog"]
