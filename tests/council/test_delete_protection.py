"""Organisations and members named in a published resolution cannot be deleted from under its text."""

from council.models import CouncilMember
from projects.models import Organisation
from tests.projects.factories import OrganisationFactory


def test_an_organisation_responsible_in_a_published_resolution_is_protected(
    coordinator_client, published, department
):
    url = f"/admin/projects/organisation/{department.pk}/delete/"
    page = coordinator_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "78-УГ" in html  # the decision that names it is listed as protected
    coordinator_client.post(url, {"post": "yes"})
    assert Organisation.objects.filter(pk=department.pk).exists()
    assert published.decisions.filter(responsible_organisations=department).exists()


def test_delete_selected_refuses_too_but_others_can_go(coordinator_client, published, department):
    spare = OrganisationFactory(short_name="Ненужная организация")
    response = coordinator_client.post(
        "/admin/projects/organisation/",
        {"action": "delete_selected", "_selected_action": [department.pk, spare.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert Organisation.objects.filter(pk=department.pk).exists()
    assert Organisation.objects.filter(pk=spare.pk).exists()  # the whole batch was refused
    coordinator_client.post(
        "/admin/projects/organisation/",
        {"action": "delete_selected", "_selected_action": [spare.pk], "post": "yes"},
    )
    assert not Organisation.objects.filter(pk=spare.pk).exists()


def test_an_organisation_named_only_in_a_draft_can_be_deleted(coordinator_client, draft, department):
    coordinator_client.post(f"/admin/projects/organisation/{department.pk}/delete/", {"post": "yes"})
    assert not Organisation.objects.filter(pk=department.pk).exists()


def test_a_council_member_responsible_in_a_published_resolution_is_protected(
    secretary_client, council, draft, secretary
):
    from council import services
    from tests.council.conftest import publish_now
    from tests.council.factories import CouncilMemberFactory

    member = CouncilMemberFactory(council=council, last_name="Горбунова", first_name="Елена")
    services.decision_add(
        resolution=draft, text="Провести встречу с ветеранским активом.", responsible_members=[member]
    )
    publish_now(draft, by=secretary)
    url = f"/admin/council/councilmember/{member.pk}/delete/"
    html = secretary_client.get(url).content.decode()
    assert "Провести встречу с ветеранским активом" in html
    secretary_client.post(url, {"post": "yes"})
    assert CouncilMember.objects.filter(pk=member.pk).exists()
