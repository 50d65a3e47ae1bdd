import codecs
from pathlib import Path

from django import forms
from django.template.defaultfilters import filesizeformat

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Extension -> magic bytes the file must start with (None: must be UTF-8 text).
SIGNATURES = {".pdf": b"%PDF-", ".png": b"\x89PNG\r\n\x1a\n", ".csv": None, ".txt": None}


class UploadForm(forms.Form):
    file = forms.FileField()

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"Files are limited to {filesizeformat(MAX_UPLOAD_BYTES)}.")
        extension = Path(file.name).suffix.lower()
        if extension not in SIGNATURES:
            raise forms.ValidationError(f"Allowed types: {', '.join(sorted(SIGNATURES))}.")
        head = file.read(2048)
        file.seek(0)
        # Content-Type is only the client's claim: check the first bytes instead.
        magic = SIGNATURES[extension]
        if magic is not None and not head.startswith(magic):
            raise forms.ValidationError("The file content does not match its extension.")
        if magic is None and not _is_text(head):
            raise forms.ValidationError("Text files must be UTF-8.")
        return file


def _is_text(head):
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # tolerates a character cut at 2 KB
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head
