"""Forms parse and validate input; the services decide what is allowed."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from interviewkit.web.library.models import Category, Question

from .framework import framework_get
from .models import SCORE_FIELDS, Candidate, Scorecard


class CandidateForm(forms.ModelForm):
    class Meta:
        model = Candidate
        fields = ["name", "level", "position"]


class ScheduleForm(forms.Form):
    round = forms.ChoiceField(label="Format and round", help_text="The time boxes come from the guide's interview formats.")
    interviewer = forms.ModelChoiceField(queryset=get_user_model().objects.filter(is_active=True).order_by("username"))
    scheduled_at = forms.DateTimeField(label="Date and time", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    focus = forms.ModelMultipleChoiceField(
        queryset=Category.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Optional: categories to draw from first.",
    )
    seed = forms.IntegerField(min_value=0, initial=0, help_text="Another seed gives another set of questions.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        for fmt in framework_get().formats:
            for index, round_ in enumerate(fmt.rounds):
                label = fmt.title if len(fmt.rounds) == 1 else f"{fmt.title} · {round_.title}"
                choices.append((f"{fmt.id}:{index}", f"{label} ({round_.minutes} min)"))
        self.fields["round"].choices = choices
        self.fields["scheduled_at"].initial = timezone.localtime().replace(second=0, microsecond=0)

    def format_and_round(self) -> tuple[str, int]:
        format_id, _, index = self.cleaned_data["round"].partition(":")
        return format_id, int(index)


class ScorecardForm(forms.Form):
    recommendation = forms.ChoiceField(choices=Scorecard.Recommendation.choices, required=False, widget=forms.RadioSelect)
    red_flags = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    must_haves_met = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple, label="Must-haves shown")
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        framework = framework_get()
        for criterion in reversed(framework.rubric):
            self.fields = {
                criterion.id: forms.TypedChoiceField(
                    label=f"{criterion.title} ({int(criterion.weight * 100)}%)",
                    choices=[(score, f"{score}: {criterion.descriptors[score]}") for score in range(5, 0, -1)],
                    coerce=int,
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": f"{criterion.title} must be a score from 1 to 5."},
                ),
                **self.fields,
            }
        flags = framework.red_flags
        self.fields["red_flags"].choices = [(f, f"Technical: {f}") for f in flags.technical] + [(f, f"Behavioral: {f}") for f in flags.behavioral]
        self.fields["must_haves_met"].choices = [(m, m) for m in framework.criteria.must_have]

    def criterion_fields(self):
        return [self[name] for name in SCORE_FIELDS]


class SwapForm(forms.Form):
    question = forms.ModelChoiceField(queryset=Question.objects.all(), to_field_name="id")
