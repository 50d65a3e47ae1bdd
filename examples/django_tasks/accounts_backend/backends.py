"""Log in with a username or an email address, case-insensitively.

    AUTHENTICATION_BACKENDS = ["accounts_backend.backends.EmailOrUsernameBackend"]
"""

from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

UserModel = get_user_model()


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        login = username if username is not None else kwargs.get(UserModel.USERNAME_FIELD)
        if not login or password is None:
            return None
        user = self._find_user(login.strip())
        if user is None:
            # Hash the password anyway: an unknown login then costs as much time as a
            # wrong password, so response times do not reveal which accounts exist.
            UserModel().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    async def aauthenticate(self, request, username=None, password=None, **kwargs):
        # ModelBackend.aauthenticate has its own username-only lookup; route async
        # logins (django.contrib.auth.aauthenticate) through the logic above.
        return await sync_to_async(self.authenticate)(request, username=username, password=password, **kwargs)

    @staticmethod
    def _find_user(login):
        username_field = UserModel.USERNAME_FIELD
        matches = list(
            UserModel._default_manager.filter(
                Q(**{f"{username_field}__iexact": login}) | Q(email__iexact=login)
            )
        )
        by_username = [u for u in matches if getattr(u, username_field).casefold() == login.casefold()]
        if len(by_username) == 1:
            return by_username[0]  # a username match wins over someone else's email
        if len(matches) == 1:
            return matches[0]
        return None  # nothing, or ambiguous ("Bob" and "bob", or a shared email): refuse
