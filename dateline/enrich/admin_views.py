"""One-click decisions on suggestions (POST only), used from the Suggestions listing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from dateline.enrich import suggest
from dateline.enrich.models import Suggestion


def back(request, default="enrich_suggestion:index"):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


def check_permission(request):
    if not request.user.has_perm("enrich.change_suggestion"):
        raise PermissionDenied


@require_POST
def accept_suggestion(request, pk):
    check_permission(request)
    suggestion = get_object_or_404(Suggestion, pk=pk)
    if suggestion.status != Suggestion.ACCEPTED:
        suggest.accept([suggestion], user=request.user)
        messages.success(request, f"“{suggestion.name}” added to “{suggestion.story.title}”.")
    return back(request)


@require_POST
def reject_suggestion(request, pk):
    check_permission(request)
    suggestion = get_object_or_404(Suggestion, pk=pk)
    if suggestion.status == Suggestion.PENDING:
        suggest.reject(suggestion)
        messages.info(request, f"“{suggestion.name}” rejected.")
    return back(request)
