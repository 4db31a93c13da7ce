"""The chain's central server: one truth for members, points and coupons across stores.

FastAPI on SQLAlchemy 2; PostgreSQL (psycopg 3) in production, SQLite as the embedded
default. It imports the domain rules and the sync protocol models, never the till's store.
"""
