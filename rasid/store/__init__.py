"""Where processed documents are kept: one SQLite file with a full-text index.

The database is ``--db FILE`` when given, else ``$RASID_DB`` when set, else ``rasid.db`` in
the current directory (:func:`default_db_path`).
"""

from rasid.store.query import QueryError
from rasid.store.sqlite import DB_ENV, Hit, Store, StoreError, default_db_path

__all__ = ["DB_ENV", "Hit", "QueryError", "Store", "StoreError", "default_db_path"]
