"""Writes of the billing app, one module per kind of work: packages, invoices (drafting
and their life after issue), the ledger (the one place balances and statuses are
settled), manual payments, online payments through Stripe, webhooks, and emails."""
