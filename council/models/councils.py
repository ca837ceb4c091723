"""The Coordination Council, its members and its working groups (commissions) by activity area."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from projects.models import ActivityArea, Organisation


class Council(models.Model):
    """A council the centre runs: the Coordination Council «Молоды душой», and others later."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    slug = models.SlugField(
        _("short code"), max_length=60, unique=True, help_text=_("Used in web addresses.")
    )
    parent_body = models.CharField(
        _("under"),
        max_length=255,
        blank=True,
        help_text=_("The line printed under the council's name on its documents."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="councils",
    )
    description = models.TextField(_("about the council"), blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=100, default="г. Севастополь")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY_CHAIR = "deputy_chair", _("Deputy chair")
    SECRETARY = "secretary", pgettext_lazy("council role", "Secretary")
    MEMBER = "member", pgettext_lazy("council role", "Member")


class CouncilMemberQuerySet(models.QuerySet["CouncilMember"]):
    def in_office(self, on: dt.date) -> CouncilMemberQuerySet:
        return self.filter(Q(since__isnull=True) | Q(since__lte=on), Q(until__isnull=True) | Q(until__gte=on))


class CouncilMember(models.Model):
    """A person on the council, for a period: their organisation, position and role on the council."""

    council = models.ForeignKey(
        Council, verbose_name=_("council"), on_delete=models.CASCADE, related_name="members"
    )
    last_name = models.CharField(_("last name"), max_length=100)
    first_name = models.CharField(_("first name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="council_members",
    )
    position = models.CharField(_("position"), max_length=255, blank=True)
    role = models.CharField(_("role on the council"), max_length=12, choices=MemberRole.choices)
    since = models.DateField(_("from"), null=True, blank=True)
    until = models.DateField(_("to"), null=True, blank=True)
    # Only for the execution digest of decisions this person is responsible for; never shown publicly.
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Not shown on the site."))

    objects = CouncilMemberQuerySet.as_manager()

    class Meta:
        ordering = ["council", "last_name", "first_name", "pk"]
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        constraints = [
            models.CheckConstraint(
                condition=Q(since__isnull=True) | Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="council_member_period_ordered",
                violation_error_message=_("The end of the term cannot be before its start."),
            ),
            # One chair and one secretary at a time: they sign the council's documents.
            models.UniqueConstraint(
                fields=["council", "role"],
                condition=Q(role__in=["chair", "secretary"], until__isnull=True),
                name="council_one_current_chair_and_secretary",
                violation_error_message=_("The council already has a current member in this role."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def short_name(self) -> str:
        """Return the name as Russian documents sign it: «И. В. Новикова»."""
        initials = " ".join(f"{p[0]}." for p in (self.first_name, self.patronymic) if p)
        return f"{initials} {self.last_name}".strip()


class WorkingGroup(models.Model):
    """A working group (commission) of the council for one activity area."""

    council = models.ForeignKey(
        Council, verbose_name=_("council"), on_delete=models.CASCADE, related_name="working_groups"
    )
    name = models.CharField(_("name"), max_length=255)
    activity_area = models.ForeignKey(
        ActivityArea,
        verbose_name=_("activity area"),
        on_delete=models.PROTECT,
        related_name="council_working_groups",
    )
    description = models.TextField(_("tasks of the group"), blank=True)
    members = models.ManyToManyField(
        CouncilMember,
        verbose_name=_("members"),
        through="WorkingGroupMember",
        related_name="working_groups",
        blank=True,
    )

    class Meta:
        ordering = ["council", "name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            models.UniqueConstraint(
                fields=["council", "name"],
                name="working_group_name_unique",
                violation_error_message=_("The council already has a working group with this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class WorkingGroupMember(models.Model):
    """A council member's place in a working group."""

    group = models.ForeignKey(
        WorkingGroup, verbose_name=_("working group"), on_delete=models.CASCADE, related_name="memberships"
    )
    member = models.ForeignKey(
        CouncilMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="group_memberships"
    )
    is_lead = models.BooleanField(_("leads the group"), default=False)

    class Meta:
        ordering = ["-is_lead", "member__last_name"]
        verbose_name = _("working group member")
        verbose_name_plural = _("working group members")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "member"],
                name="working_group_member_unique",
                violation_error_message=_("This person is already in the group."),
            ),
            models.UniqueConstraint(
                fields=["group"],
                condition=Q(is_lead=True),
                name="working_group_one_lead",
                violation_error_message=_("The group already has a lead."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.group}"
