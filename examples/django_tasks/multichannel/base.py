"""The one interface every channel implements, and the registry that maps names to instances."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Message:
    notification_id: int
    subject: str
    body: str

    @property
    def idempotency_key(self) -> str:
        return f"notification-{self.notification_id}"  # providers that support it drop duplicates


class DeliveryError(Exception):
    def __init__(self, detail: str, *, retryable: bool):
        super().__init__(detail)
        self.retryable = retryable  # timeout, 5xx, 429: try again; 4xx, bad address: move on


class Channel(ABC):
    name: ClassVar[str]

    @abstractmethod
    def can_reach(self, user) -> bool:
        """Does the user have an address for this channel (email, phone, device token)?"""

    @abstractmethod
    def send(self, user, message: Message) -> None:
        """Deliver or raise DeliveryError. Must not swallow errors: the caller decides what is next."""


class ChannelRegistry:
    def __init__(self, *channels: Channel):
        self._channels: dict[str, Channel] = {}
        for channel in channels:
            self.register(channel)

    def register(self, channel: Channel) -> None:
        if channel.name in self._channels:
            raise ValueError(f"channel {channel.name!r} is already registered")
        self._channels[channel.name] = channel

    def get(self, name: str) -> Channel:
        try:
            return self._channels[name]
        except KeyError:
            raise LookupError(f"no channel named {name!r}; registered: {sorted(self._channels)}") from None

    def __contains__(self, name: str) -> bool:
        return name in self._channels


registry = ChannelRegistry()  # filled in MultichannelConfig.ready() from settings
