"""Services of the registry: races, status workflow, withdrawal and anonymisation."""

import datetime as dt
import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from tests.conftest import USES_POSTGRES
from tests.factories import UserFactory, VolunteerFactory
from volunteers import services, tasks
from volunteers.models import ConsentRecord, ConsentWithdrawal, DeletionRecord, Volunteer
from volunteers.services import ConsentContext, DuplicateVolunteer, InvalidTransition

WEB = ConsentContext(channel=ConsentRecord.Channel.WEB, ip_address="10.0.0.1", user_agent="test")


def register(**overrides):
    data = {
        "last_name": "Орлова",
        "first_name": "Надежда",
        "date_of_birth": dt.date(1955, 5, 9),
        "phone": "+7 978 222 33 44",
        "email": "orlova@example.org",
        "district": "leninsky",
        "consent": WEB,
    }
    data.update(overrides)
    return services.volunteer_register(**data)


def test_database_constraints_are_the_guarantee(db):
    VolunteerFactory(phone="+79780000001", email="a@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        VolunteerFactory(phone="+79780000001", email="b@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        VolunteerFactory(phone="+79780000002", email="A@Example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        VolunteerFactory(phone="89780000003")
    with pytest.raises(IntegrityError), transaction.atomic():
        VolunteerFactory(phone="+79780000004", date_of_birth=dt.date(1899, 12, 31))
    # Several people without e-mail are fine: NULLs are not equal.
    VolunteerFactory(phone="+79780000005", email=None)
    VolunteerFactory(phone="+79780000006", email=None)


def test_service_turns_a_lost_race_into_a_friendly_duplicate(db, monkeypatch):
    register()
    # Pretend the pre-check missed the other submission, as it does when two arrive at once.
    monkeypatch.setattr(services, "_contact_taken", lambda **kwargs: False)
    with pytest.raises(DuplicateVolunteer):
        register(email="another@example.org")
    assert Volunteer.objects.count() == 1


@pytest.mark.skipif(not USES_POSTGRES, reason="two concurrent transactions need a server database")
@pytest.mark.django_db(transaction=True)
def test_two_identical_submissions_racing_store_one_volunteer():
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit():
        try:
            barrier.wait(timeout=5)
            register()
            outcomes.append("created")
        except DuplicateVolunteer:
            outcomes.append("duplicate")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(outcomes) == ["created", "duplicate"]
    assert Volunteer.objects.count() == 1
    assert ConsentRecord.objects.count() == 1


def test_status_workflow_records_who_and_when(db):
    coordinator = UserFactory(username="olga")
    volunteer = VolunteerFactory()
    before = timezone.now()
    volunteer = services.volunteer_set_status(
        volunteer=volunteer, status=Volunteer.Status.VERIFIED, by=coordinator
    )
    assert volunteer.status == Volunteer.Status.VERIFIED
    assert volunteer.status_changed_by == coordinator
    assert volunteer.status_changed_at >= before
    assert volunteer.history.first().history_user == coordinator
    with pytest.raises(InvalidTransition):
        services.volunteer_set_status(volunteer=volunteer, status=Volunteer.Status.APPLIED, by=coordinator)
    services.volunteer_set_status(volunteer=volunteer, status=Volunteer.Status.ACTIVE, by=coordinator)
    services.volunteer_set_status(volunteer=volunteer, status=Volunteer.Status.INACTIVE, by=coordinator)
    services.volunteer_set_status(volunteer=volunteer, status=Volunteer.Status.ACTIVE, by=coordinator)


def test_bulk_status_change_counts_skipped(db):
    applied = VolunteerFactory.create_batch(2)
    active = VolunteerFactory(status=Volunteer.Status.ACTIVE)
    changed, skipped = services.volunteers_set_status(
        volunteers=Volunteer.objects.all(), status=Volunteer.Status.VERIFIED, by=None
    )
    assert (changed, skipped) == (2, 1)
    assert {v.status for v in Volunteer.objects.filter(pk__in=[a.pk for a in applied])} == {"verified"}
    active.refresh_from_db()
    assert active.status == Volunteer.Status.ACTIVE


def _assert_anonymised(volunteer_pk, *, phone, email):
    volunteer = Volunteer.objects.get(pk=volunteer_pk)
    assert volunteer.anonymised_at is not None
    assert volunteer.date_of_birth is None
    assert volunteer.phone is None and volunteer.email is None
    assert volunteer.last_name == "" and volunteer.patronymic == "" and volunteer.about == ""
    assert volunteer.status == Volunteer.Status.INACTIVE
    # No copy of the personal data survives in the audit trail.
    for row in volunteer.history.all():
        assert row.phone != phone and row.email != email and row.date_of_birth is None
    consent = ConsentRecord.objects.get(volunteer_id=volunteer_pk)
    assert consent.ip_address is None and consent.user_agent == ""
    record = DeletionRecord.objects.get(volunteer_ref=volunteer_pk)
    assert "phone" in record.erased_fields and "date_of_birth" in record.erased_fields
    assert record.history_rows_erased >= 1
    assert "+7978" not in str(record.__dict__)


def test_withdrawal_anonymises_at_once_by_default(db, django_capture_on_commit_callbacks):
    coordinator = UserFactory(username="olga")
    volunteer = register()
    volunteer.about = "Подробности о себе"
    volunteer.save()
    with django_capture_on_commit_callbacks(execute=True):
        withdrawal = services.consent_withdraw(
            volunteer=volunteer, received_on=dt.date(2026, 11, 20), channel="заявление", by=coordinator
        )
    withdrawal.refresh_from_db()
    assert withdrawal.anonymised_at is not None
    _assert_anonymised(volunteer.pk, phone="+79782223344", email="orlova@example.org")
    # A second run changes nothing.
    assert services.volunteer_anonymise(volunteer_id=volunteer.pk) is False
    assert DeletionRecord.objects.count() == 1
    # The phone is free again for a new signup.
    register(email=None)


def test_withdrawal_with_a_delay_waits_for_the_nightly_sweep(db, django_capture_on_commit_callbacks):
    volunteer = register()
    with django_capture_on_commit_callbacks(execute=True):
        services.consent_withdraw(
            volunteer=volunteer,
            received_on=dt.date(2026, 11, 20),
            channel="звонок",
            by=None,
            anonymise_after_days=10,
        )
    volunteer.refresh_from_db()
    assert volunteer.anonymised_at is None
    assert tasks.anonymise_due_withdrawals.delay().get() == 0
    ConsentWithdrawal.objects.update(anonymise_due_at=timezone.now() - dt.timedelta(minutes=1))
    assert tasks.anonymise_due_withdrawals.delay().get() == 1
    _assert_anonymised(volunteer.pk, phone="+79782223344", email="orlova@example.org")


def test_withdrawal_later_than_30_days_is_refused(db):
    from django.core.exceptions import ValidationError

    volunteer = register()
    with pytest.raises(ValidationError):
        services.consent_withdraw(
            volunteer=volunteer,
            received_on=dt.date(2026, 11, 20),
            channel="звонок",
            by=None,
            anonymise_after_days=31,
        )
    assert not ConsentWithdrawal.objects.exists()


def test_confirmation_mail_is_sent_once(db, mailoutbox):
    volunteer = VolunteerFactory(email="twice@example.org")
    assert tasks.send_signup_confirmation.delay(volunteer.pk).get() is True
    assert tasks.send_signup_confirmation.delay(volunteer.pk).get() is False
    assert [m.to for m in mailoutbox] == [["twice@example.org"]]


def test_failed_mail_releases_the_claim_for_a_retry(db, monkeypatch):
    from volunteers import notifications

    volunteer = VolunteerFactory(email="retry@example.org")

    def broken_send(self, *args, **kwargs):
        raise OSError("smtp down")

    monkeypatch.setattr(notifications.EmailMultiAlternatives, "send", broken_send)
    with pytest.raises(OSError):
        notifications.signup_confirmation_send(volunteer_id=volunteer.pk)
    volunteer.refresh_from_db()
    assert volunteer.confirmation_sent_at is None


def test_coordinators_are_notified_once_even_if_the_task_runs_twice(db, mailoutbox):
    from silvercentre.roles import COORDINATORS

    UserFactory(username="coord-notice", email="coord-notice@example.org", groups=[COORDINATORS])
    volunteer = VolunteerFactory()
    assert tasks.notify_coordinators_of_signup.delay(volunteer.pk).get() == 1
    assert tasks.notify_coordinators_of_signup.delay(volunteer.pk).get() == 0
    assert [m.to for m in mailoutbox] == [["coord-notice@example.org"]]
