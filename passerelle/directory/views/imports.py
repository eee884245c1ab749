"""Import pages: upload, map the columns, preview every row's errors and duplicates, commit."""
from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from passerelle.core.pagination import paginate
from passerelle.core.permissions import coordinator_required

from .. import import_fields, imports
from ..models import ImportBatch


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("The file holds"), choices=ImportBatch.Kind.choices)
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))

    def clean(self) -> dict:
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            try:
                # Read at most one byte past the limit: a huge upload is refused without loading it.
                self.table = imports.read_table(upload.name, upload.read(settings.IMPORT_MAX_BYTES + 1))
            except imports.UnreadableFile as exc:
                self.add_error("file", str(exc))
        return data


class MappingForm(forms.Form):
    def __init__(self, *args, batch: ImportBatch, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        columns = [("", _("(not in the file)"))] + [(str(i), h or f"#{i + 1}") for i, h in enumerate(batch.headers)]
        for target in import_fields.fields_for(batch.kind):
            label = f"{target.label}{' *' if target.required else ''}"
            self.fields[target.name] = forms.ChoiceField(label=label, choices=columns, required=False)
            if target.name in batch.mapping:
                self.initial[target.name] = str(batch.mapping[target.name])
        self.targets = import_fields.fields_for(batch.kind)

    def clean(self) -> dict:
        data = super().clean()
        for target in self.targets:
            if target.required and not data.get(target.name):
                self.add_error(target.name, _("Choose the column that holds this required field."))
        return data

    def mapping(self) -> dict[str, int]:
        return {name: int(value) for name, value in self.cleaned_data.items() if value not in ("", None)}


class CommitForm(forms.Form):
    skip_invalid = forms.BooleanField(required=False, label=gettext_lazy("Leave out the rows with errors"))
    skip_duplicates = forms.BooleanField(required=False, initial=True,
                                         label=gettext_lazy("Leave out the likely duplicates"))


@coordinator_required
def import_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, ImportBatch.objects.select_related("created_by").defer("rows"))
    return render(request, "directory/import_list.html", {"page": page})


@coordinator_required
def import_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        headers, rows = form.table
        kind = form.cleaned_data["kind"]
        batch = ImportBatch.objects.create(
            kind=kind, filename=form.cleaned_data["file"].name[:255], headers=headers, rows=rows,
            mapping=import_fields.guess_mapping(kind, headers), created_by=request.user,
        )
        return redirect("directory:import_mapping", pk=batch.pk)
    return render(request, "directory/import_upload.html", {"form": form})


@coordinator_required
def import_mapping(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.status == ImportBatch.Status.COMMITTED:
        return redirect(batch)
    form = MappingForm(request.POST or None, batch=batch)
    if request.method == "POST" and form.is_valid():
        batch.mapping = form.mapping()
        batch.status = ImportBatch.Status.MAPPED
        batch.save(update_fields=["mapping", "status"])
        return redirect(batch)
    sample = batch.rows[:5]
    return render(request, "directory/import_mapping.html", {"batch": batch, "form": form, "sample": sample})


@coordinator_required
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.status == ImportBatch.Status.UPLOADED:
        return redirect("directory:import_mapping", pk=batch.pk)
    if batch.status == ImportBatch.Status.COMMITTED:
        return render(request, "directory/import_report.html", {"batch": batch, "report": batch.report})
    # Both boxes unticked is an empty POST, and still a request to import.
    form = CommitForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        options = imports.CommitOptions(**form.cleaned_data)
        try:
            report = imports.commit_batch(batch=batch, actor=request.user, options=options)
        except imports.CommitRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(count)d records imported.") % {"count": report["created"]})
            return redirect(batch)
    results = imports.validate_batch(batch)
    invalid = [r for r in results if not r.ok]
    duplicates = [r for r in results if r.ok and r.duplicates]
    return render(request, "directory/import_preview.html", {
        "batch": batch, "form": form, "results": results, "invalid": invalid, "duplicates": duplicates,
        "valid_count": len(results) - len(invalid),
    })


@coordinator_required
def import_merge(request: HttpRequest, pk: int, row: int) -> HttpResponse:
    """A likely duplicate beside the existing profile: the coordinator keeps or takes each value."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    candidate = imports.merge_candidate(batch, row)
    if candidate is None:
        raise Http404
    if request.method == "POST":
        chosen = {name for name, *_rest in candidate.fields if request.POST.get(name) == "imported"}
        try:
            imports.merge_row(batch=batch, number=row, actor=request.user, take_imported=chosen)
        except (imports.MergeRefused, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Row %(row)d merged into the profile of %(name)s; it will not be imported "
                                        "again.") % {"row": row, "name": candidate.person.full_name})
            return redirect("directory:import_preview", pk=batch.pk)
    return render(request, "directory/import_merge.html", {"batch": batch, "candidate": candidate})
