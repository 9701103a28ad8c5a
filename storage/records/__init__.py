"""The records people keep: users, indicator values, data-set completion, targets, the desk's cases,
PKM requests and desks, and the centre's Action Plan results framework with its activity progress (plan).
Every write checks the role, runs the validation engine and is audited.

Imports core, reference and :mod:`storage.validation`; never sheets, views, reports or tools.
"""
