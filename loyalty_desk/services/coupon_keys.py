"""The keys coupon codes are signed with: the till setting "coupon_keys" {key_id: hex}.

The chain's key arrives through sync (registration or pull) and is merged in with
`install_chain_keys`, so codes issued in one store verify in every store. Before that, the
till makes a key of its own at first use (ids 90-99): its codes verify on this till at
once, and in other stores once the coupon itself has arrived with a pull.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from sqlalchemy.orm import Session

from loyalty_desk.domain.coupons import LOCAL_KEY_IDS, parse_keys, signing_key_id
from loyalty_desk.services.desk import Desk, read_setting, write_setting

KEYS_SETTING = "coupon_keys"


def known_keys(session: Session) -> dict[str, bytes]:
    return parse_keys(read_setting(session, KEYS_SETTING, {}))


def signing_key(session: Session, desk: Desk) -> tuple[str, bytes]:
    """The key new codes are signed with; makes the till's own key if it has none yet."""
    keys = known_keys(session)
    key_id = signing_key_id(keys)
    if key_id is not None:
        return key_id, keys[key_id]
    key_id = desk.rng.choice(LOCAL_KEY_IDS)
    secret = secrets.token_bytes(32)
    raw = dict(read_setting(session, KEYS_SETTING, {}) or {})
    raw[key_id] = secret.hex()
    write_setting(session, KEYS_SETTING, raw)
    return key_id, secret


def install_chain_keys(session: Session, keys: Mapping[str, str]) -> list[str]:
    """Merge the chain's keys (from the server) into the setting; returns the ids added.

    A till-local key is kept, so the codes it signed before still verify here. A chain key id
    that is already installed with another secret is replaced: the server is authoritative.
    """
    accepted = parse_keys({k: v for k, v in keys.items() if k not in LOCAL_KEY_IDS})
    raw = dict(read_setting(session, KEYS_SETTING, {}) or {})
    added = [k for k in sorted(accepted) if raw.get(k) != accepted[k].hex()]
    for key_id in added:
        raw[key_id] = accepted[key_id].hex()
    if added:
        write_setting(session, KEYS_SETTING, raw)
    return added
