"""Rasa's Redis lock store, made safe for several Rasa servers (docs/deploy.md).

Rasa keeps one conversation's messages in order with a ticket lock: each message takes a ticket
and waits until its number is served. Rasa 3.6's ``RedisLockStore`` reads the ticket queue,
changes it and writes it back as separate Redis commands, so two servers taking a message for
the same conversation at the same moment can both read the same queue, both get the same
ticket and both process at once; Rasa's SQL tracker store then keeps one message's events and
drops the other's (measured: 1 conversation in 60 lost a message in tests/integration/test_scale_out.py's
pattern; upstream RasaHQ/rasa issue 9213, and a fix that was reverted, pull request 11428).

Here every change of the queue (a ticket issued, expired tickets dropped, a ticket finished)
is one Redis transaction: WATCH the key, read, MULTI/EXEC the write, retried when another
server changed the key in between. Tickets are then unique and served in the order issued.
Named in endpoints.yml as ``lock_store: type: bot.lock_store.AtomicRedisLockStore`` with the
same keys as Rasa's ``type: redis`` (`python -m bot endpoints` writes it from REDIS_URL).
"""
from __future__ import annotations

import json
from typing import Callable, Optional, Text, Tuple, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")
# A change returns the queue to write back (None: delete the key) and a result for the caller.
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        # Rasa builds a custom lock store from its endpoint config: `url` is the Redis host.
        super().__init__(host=endpoint_config.url or "localhost", **endpoint_config.kwargs)

    def _change(self, conversation_id: Text, change: Change) -> T:
        key = self.key_prefix + conversation_id

        def transaction(pipe) -> T:
            stored = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(stored)) if stored else None
            new_lock, result = change(lock)
            pipe.multi()
            if new_lock is None:
                pipe.delete(key)
            else:
                pipe.set(key, new_lock.dumps())
            return result

        return self.red.transaction(transaction, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, issue)
        except Exception as error:  # as Rasa's own lock stores report it
            raise LockError(f"Error while acquiring lock. Error:\n{error}")

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        def finish(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock:
                lock.remove_ticket_for(ticket_number)
            return (lock if lock and lock.is_someone_waiting() else None), None

        self._change(conversation_id, finish)
