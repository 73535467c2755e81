# /about (both governments' positions) and /methodology (how we source):
# pages drawn by the server (server/src/about/), readable without JavaScript.
# Their titles and the links to them are `shell-about` and `shell-methodology`;
# "← Back to the map" is `event-page-map`. Variables named $folder, $api,
# $readme and $licence are markup the server writes in (a code name, a link).

## /about
about-lede = The islands the map shows as disputed are administered by Russia and claimed by Japan.
    Below, each government's position in our own neutral words, with the sources behind every point
    and short statements quoted verbatim. Russia's statements here are quoted as news agencies,
    newspapers and broadcasters reported them.
# Shown on the Japanese and Russian pages only, under the lede.
about-translated = The positions are written in English; what you read here is the project's translation.
    Statements stay in the language they were made in, with our translation.
# $government: japan or russia.
about-position = { $government ->
    [japan] Japan's position
   *[russia] Russia's position
}
about-arguments = The arguments
about-sources = Sources:
# Between two sources of one argument.
about-source-separator = { "; " }
about-in-their-words = In their words
# $speaker: who said it; $date: when, in words.
about-said-by = — { $speaker }, { $date }.
about-said-by-undated = — { $speaker }.
# $name: the government, e.g. "Government of Japan".
about-stated-by = Stated by: { $name }
about-json = The same data as JSON:

## /methodology
methodology-lede = Every event, deployment, island fact and position on this map cites the pages it rests on.
    Summaries are in our own words; quotations are short and verbatim, with our translation beside
    any that is not in the reader's language.
methodology-confidence = Confidence
methodology-confidence-high = A cited page states the fact plainly. A high-confidence record has at least one source
    from a government, an international organisation, a news agency, a newspaper, a broadcaster or a
    research institute, or two independent outlets.
methodology-confidence-medium = The fact is inferred, or rests on weaker sources; the record says why in its confidence note.
methodology-kinds = Kinds of source
methodology-kinds-intro = Each source carries its kind, so a reader can weigh it:
methodology-kind-official = a government, ministry, parliament or armed forces
methodology-kind-intergovernmental = an international organisation
methodology-kind-wire = a news agency (Kyodo, Jiji, TASS, RIA Novosti, Interfax, Reuters, AP, AFP)
methodology-kind-newspaper = a newspaper
methodology-kind-broadcaster = a radio or television broadcaster
methodology-kind-research = a think tank, university or research institute
methodology-kind-reference = an encyclopedia: cited beside the kinds above; a figure resting on one says so in a caveat
methodology-kind-blog = a blog: cited beside the kinds above; a figure resting on one says so in a caveat
methodology-kind-aggregator = a mirror or republisher of others' reporting: no record rests on these alone
methodology-figures = Island areas and population counts give their publisher, date and the kind of source;
    a figure taken from a secondary source says so.
methodology-languages = Records are written in English and translated by the project into Japanese and Russian;
    the map, the event pages and these pages say which text is a translation. Quotations stay in their
    original language.
methodology-checks = How records are checked
# $folder: the data folder's name, as code.
methodology-checks-text = The data are plain text files (TOML and GeoJSON) in the project's { $folder } folder,
    edited by hand and reviewed like code. The server reads and validates every file once when it starts
    and refuses to start if anything is wrong: each problem is reported with its file, line and field.
    The validator checks, among other things, that every date is a real date given only as precisely as
    the source allows, that every source is an http(s) link with its outlet, language and kind, that a
    medium-confidence record says why, that records name only known islands and places, that known
    mirrors and content farms are refused, that every record is in English, Japanese and Russian, and
    that each island's names and official area agree with the drawn coastlines. Both governments'
    positions must each be stated once, every argument with a source that is not only a blog, an
    encyclopedia or a mirror, and every statement with its translation into the other languages.
methodology-evidence = The evidence today
# $events: how many events; $two, $single, $weak: how many of them cite two or more
# independent outlets, a single outlet, only weak sources; $two-percent etc.: their shares.
methodology-evidence-text = { $events ->
    [one] { $events } event.
   *[other] { $events } events.
} { $two } ({ $two-percent }%) cite two or more independent outlets;
    { $single } ({ $single-percent }%) rest on a single outlet; { $weak } ({ $weak-percent }%) rest only
    on encyclopedias, blogs or mirrors. Their sources by kind:
methodology-report = How to report an error
# $api: a link to the JSON API, its text `methodology-api`.
methodology-report-text = Tell the project's maintainers through its repository's issue tracker; the project has
    not yet published a separate contact address. Please name the record (its id, shown in the map's
    links and in the { $api }), what is wrong, and a source that shows it. Corrections are made in the
    data files and checked by the same validator.
methodology-api = JSON API
methodology-licences = Data licences
methodology-licence-coasts = Coastlines: GSHHG (LGPL-3.0-or-later) and © OpenStreetMap contributors (ODbL 1.0), per feature.
methodology-licence-lines = The 1855 treaty border, the limit of Japan's claim and the 1945 line of control:
    LGPL-3.0-or-later (the 1945 line is computed from the GSHHG coastline).
methodology-licence-ours = Places, islands facts, events, positions and our summaries and translations:
    MIT OR Apache-2.0 (our compilation; every fact cites its source, whose own terms apply to the quoted text).
# $readme and $licence: the files' names, as code.
methodology-licence-details = Details per file are in the project's { $readme } and { $licence }.
