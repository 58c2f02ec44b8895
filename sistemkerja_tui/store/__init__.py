"""Persistence: SQLModel tables, engine and session, migrations, backup."""
