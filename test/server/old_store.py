"""A store file as an older version of the package left it, for the migration tests."""

import sqlite3

from jupyterlab_model_monitor.store import MIGRATIONS


def old_store(path, version):
    """An open connection to a new store at ``path`` with the first ``version`` migrations
    applied and recorded; the caller adds rows, then commits and closes it."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE schema_version (version INTEGER)")
    connection.execute("INSERT INTO schema_version VALUES (?)", (version,))
    for statements in MIGRATIONS[:version]:
        for statement in statements:
            if callable(statement):
                statement(connection)
            else:
                connection.execute(statement)
    return connection
