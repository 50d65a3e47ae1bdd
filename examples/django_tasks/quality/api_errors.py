"""One error format for every failure of the ticket API: RFC 9457 problem details."""
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.views import exception_handler

# "about:blank" means "nothing beyond the status code", so field errors get a problem type of
# their own, documented at this URL, which defines the `errors` extension member.
INVALID_FIELDS = "https://api.example.com/problems/invalid-fields"


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the resource."
    default_code = "conflict"


def problem_details(exc, context):
    """Wrap DRF's handler: same status codes, one body shape, application/problem+json."""
    response = exception_handler(exc, context)
    if response is None:  # not an API error: let Django log it and return a plain 500
        return None
    body = {"type": "about:blank", "title": response.status_text, "status": response.status_code}
    if isinstance(exc, ValidationError):
        body["type"] = INVALID_FIELDS
        body["title"] = "Your request has invalid fields."
        body["detail"] = "Correct the fields listed in errors and send the request again."
        body["errors"] = response.data  # {"field": ["message", ...]}
    else:
        body["detail"] = str(response.data.get("detail", ""))
    response.data = body
    response.content_type = "application/problem+json"
    return response
