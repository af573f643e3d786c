"""Conversations on the staff page: the lists, a transcript, reviews, exports, erasing.

Conversations: "Needs attention" (unreviewed emergency and urgent ones), the filtered list,
one transcript, marking it reviewed, exports and erasing. Every view is audited.
"""
from __future__ import annotations

from typing import Any, Dict
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from bot import alerts, store
from bot.staff import export, labels
from bot.staff.web import (
    BadRequest,
    Settings,
    administrator,
    audit,
    checked,
    counts,
    db_url,
    download,
    read_form,
    render,
    settings,
    signed_in,
)

router = APIRouter()
PER_PAGE = 25


def filters_from(request: Request, s: Settings = Depends(settings)) -> store.ConversationFilter:
    q = request.query_params
    levels = tuple(v for v in q.getlist("level") if v in labels.LEVELS and v)
    flag = q.get("flag") or None
    if flag and flag != "any" and flag not in labels.RED_FLAGS:
        flag = None
    booked = {"yes": True, "no": False}.get(q.get("booked", ""))
    day = store.ConversationFilter.day
    return store.ConversationFilter(
        levels=levels, date_from=day(q.get("from"), s.clinic.tz), red_flag=flag, booked=booked,
        date_to=day(q.get("to"), s.clinic.tz, next_day=True),
        search=(q.get("q") or "").strip()[:200] or None,
    )


@router.get("/", response_class=HTMLResponse)
def needs_attention(request: Request, page: int = 1, user: Dict[str, Any] = Depends(signed_in),
                    url: str = Depends(db_url), nav_counts: Dict[str, int] = Depends(counts)):
    f = store.ConversationFilter(needs_attention=True)
    result = store.list_conversations(f, page=page, per_page=PER_PAGE, url=url)
    audit(user, "view_list", url, detail=f.describe())
    return render(request, "list.html", title="Needs attention", result=result,
                  attention=True, f=f, query=request.query_params, nav="attention",
                  counts=nav_counts, page_link=lambda n: "/?" + urlencode({"page": n}))


@router.get("/conversations", response_class=HTMLResponse)
def conversations(request: Request, page: int = 1, user: Dict[str, Any] = Depends(signed_in),
                  f: store.ConversationFilter = Depends(filters_from),
                  url: str = Depends(db_url), nav_counts: Dict[str, int] = Depends(counts)):
    result = store.list_conversations(f, page=page, per_page=PER_PAGE, url=url)
    audit(user, "view_list", url, detail=f.describe())
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
    return render(request, "list.html", title="All conversations", result=result,
                  attention=False, f=f, query=request.query_params, nav="conversations",
                  counts=nav_counts, export_query=urlencode(params),
                  page_link=lambda n: "/conversations?" + urlencode(params + [("page", n)]))


@router.get("/conversations/export")
def export_list(format: str = "csv", user: Dict[str, Any] = Depends(administrator),
                f: store.ConversationFilter = Depends(filters_from), url: str = Depends(db_url)):
    # Every matching patient's name and contact at once: an administrator's action
    # (minimum necessary); reception works one conversation at a time.
    items = store.all_conversations(f, url=url)
    audit(user, "export", url, detail=f"{format} list of {len(items)}: {f.describe()}")
    return download(export.list_csv(items) if format == "csv" else export.list_json(items),
                     format, "conversations")


@router.get("/conversation", response_class=HTMLResponse)
def conversation(request: Request, id: str = "", user: Dict[str, Any] = Depends(signed_in),
                 url: str = Depends(db_url), nav_counts: Dict[str, int] = Depends(counts)):
    c = store.get_conversation(id, url=url)
    audit(user, "view_conversation", url, conversation_id=id)
    return render(request, "conversation.html", title="Conversation", c=c,
                  nav="conversations", counts=nav_counts)


@router.post("/conversation/review")
def review(user: Dict[str, Any] = Depends(signed_in), form: Dict[str, str] = Depends(read_form),
           url: str = Depends(db_url)):
    form = checked(form, user)
    conversation_id = form.get("id", "")
    if not store.conversation_exists(conversation_id, url=url):
        raise store.NotFound(conversation_id)
    try:
        store.mark_reviewed(conversation_id, actor=user["username"], note=form.get("note"),
                            url=url)
    except ValueError as exc:
        raise BadRequest(str(exc).capitalize() + ".")
    return RedirectResponse("/conversation?" + urlencode({"id": conversation_id}) + "#review",
                            status_code=303)


@router.get("/conversation/export")
def export_conversation(id: str = "", format: str = "json",
                        user: Dict[str, Any] = Depends(signed_in), url: str = Depends(db_url)):
    c = store.get_conversation(id, url=url)
    audit(user, "export", url, conversation_id=id, detail=f"{format} conversation")
    body = export.conversation_csv(c) if format == "csv" else export.conversation_json(c)
    return download(body, format, "conversation")


@router.get("/conversation/erase", response_class=HTMLResponse)
def erase_confirm(request: Request, id: str = "", user: Dict[str, Any] = Depends(administrator),
                  url: str = Depends(db_url), nav_counts: Dict[str, int] = Depends(counts)):
    c = store.get_conversation(id, url=url)
    return render(request, "erase.html", title="Erase conversation", c=c,
                  nav="conversations", counts=nav_counts)


@router.post("/conversation/erase")
def erase(user: Dict[str, Any] = Depends(administrator), form: Dict[str, str] = Depends(read_form),
          url: str = Depends(db_url)):
    form = checked(form, user)
    conversation_id = form.get("id", "")
    if form.get("confirm") != "ERASE":
        raise BadRequest("Type ERASE in capitals to confirm.")
    if not store.conversation_exists(conversation_id, url=url):
        raise store.NotFound(conversation_id)
    store.erase_conversation(conversation_id, actor=user["username"], channel="web", url=url)
    return RedirectResponse("/conversations?erased=1", status_code=303)


@router.get("/alert/{reference}")
def alert_link(reference: str, user: Dict[str, Any] = Depends(signed_in), url: str = Depends(db_url)):
    # An alert's link (bot/alerts) names a reference, never a conversation id.
    conversation_id = alerts.alert_conversation(reference[:40], url=url)
    return RedirectResponse("/conversation?" + urlencode({"id": conversation_id}),
                            status_code=303)
