/// The page's style sheet: one column on a phone, wide tables scroll sideways in their own
/// box, findings coloured by severity with the same three colours everywhere.
enum PageStyle {
  static let text = #"""
    :root {
      --ink: #1d2433; --muted: #5b6475; --line: #d9dee7; --paper: #ffffff; --ground: #f3f5f9;
      --accent: #1f5fbf; --accent-ink: #ffffff;
      --error: #b3261e; --error-bg: #fdecea; --warning: #8a5300; --warning-bg: #fff3d6;
      --note: #1a56a0; --note-bg: #e7f0fc; --focus: #ffd54a;
      font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
        "WenQuanYi Micro Hei", sans-serif;
      color: var(--ink); background: var(--ground); line-height: 1.5;
    }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    body { margin: 0; font-size: 15px; }
    .bar { display: flex; align-items: center; justify-content: space-between; gap: 1rem;
      padding: .6rem 1rem; background: var(--paper); border-bottom: 1px solid var(--line);
      position: sticky; top: 0; z-index: 5; }
    .bar h1 { font-size: 1.15rem; margin: 0; display: flex; align-items: center; gap: .5rem; }
    .logo { display: inline-grid; place-items: center; width: 1.8rem; height: 1.8rem; border-radius: .4rem;
      background: var(--accent); color: var(--accent-ink); font-size: 1rem; }
    main { max-width: 1280px; margin: 0 auto; padding: 1rem; display: grid; gap: 1rem; }
    footer { max-width: 1280px; margin: 0 auto; padding: 0 1rem 2rem; color: var(--muted); font-size: .85rem; }
    .card { background: var(--paper); border: 1px solid var(--line); border-radius: .6rem; padding: 1rem; min-width: 0; }
    .lead { margin: 0 0 .75rem; }
    .hidden-label { position: absolute; left: -10000px; }
    textarea { width: 100%; min-height: 10rem; resize: vertical; font: 13px/1.45 ui-monospace, "SFMono-Regular",
      Menlo, Consolas, "WenQuanYi Micro Hei Mono", monospace; padding: .6rem; border: 1px solid var(--line);
      border-radius: .4rem; tab-size: 8; white-space: pre; }
    textarea:disabled { background: var(--ground); color: var(--muted); }
    .drop { margin-top: .6rem; padding: .8rem; border: 2px dashed var(--line); border-radius: .5rem; color: var(--muted);
      display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
    .drop.over { border-color: var(--accent); background: var(--note-bg); }
    .file-button input { position: absolute; left: -10000px; }
    .file-button span { text-decoration: underline; color: var(--accent); cursor: pointer; }
    .chip { display: inline-flex; align-items: center; gap: .3rem; background: var(--ground); border: 1px solid var(--line);
      border-radius: 1rem; padding: .1rem .2rem .1rem .7rem; color: var(--ink); }
    .actions { margin-top: .8rem; display: flex; flex-wrap: wrap; align-items: center; gap: .6rem; }
    button { font: inherit; border-radius: .4rem; border: 1px solid var(--line); background: var(--paper); color: var(--ink);
      padding: .45rem .9rem; cursor: pointer; min-height: 2.3rem; }
    button.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); font-weight: 600;
      padding: .45rem 1.6rem; }
    button.quiet { background: transparent; }
    button:disabled { opacity: .6; cursor: progress; }
    #status { color: var(--muted); }
    .error-card { border-color: var(--error); background: var(--error-bg); }
    .error-card h2 { margin: 0 0 .3rem; font-size: 1.05rem; color: var(--error); }
    .error-card p { margin: .2rem 0; }
    code, .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
    #result { display: grid; gap: 1rem; min-width: 0; }
    .summary { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.2rem; }
    .summary .name { font-weight: 600; overflow-wrap: anywhere; }
    .summary .facts { color: var(--muted); font-size: .9rem; }
    .counts { display: flex; gap: .4rem; flex-wrap: wrap; }
    .count { border-radius: 1rem; padding: .05rem .6rem; font-size: .85rem; font-weight: 600; background: var(--ground); }
    .count.error { background: var(--error-bg); color: var(--error); }
    .count.warning { background: var(--warning-bg); color: var(--warning); }
    .count.note { background: var(--note-bg); color: var(--note); }
    .downloads { margin-left: auto; display: flex; align-items: center; gap: .4rem; flex-wrap: wrap; }
    .downloads button { padding: .3rem .7rem; min-height: 2rem; font-size: .9rem; }
    h2 { font-size: 1.1rem; margin: 0 0 .6rem; }
    h3 { font-size: 1.05rem; margin: 0; overflow-wrap: anywhere; }
    .project > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem .8rem; margin-bottom: .6rem; }
    .project > header .where { color: var(--muted); font-size: .85rem; }
    .subhead { font-size: .95rem; margin: .9rem 0 .4rem; color: var(--muted); font-weight: 600; }
    .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--line); border-radius: .4rem; }
    table { border-collapse: collapse; width: 100%; font-size: .9rem; }
    th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
    th { background: var(--ground); font-weight: 600; white-space: nowrap; position: sticky; top: 0; }
    tr:last-child td { border-bottom: none; }
    td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.index { color: var(--muted); text-align: right; }
    td.long { min-width: 16rem; }
    td.long .clamp { max-height: 7.5em; overflow-y: auto; white-space: pre-wrap; }
    td.label { color: var(--muted); white-space: nowrap; }
    td.level { white-space: nowrap; }
    .written { display: block; color: var(--muted); font-size: .82rem; }
    .parsed { white-space: nowrap; }
    .kind { display: inline-block; font-size: .75rem; padding: 0 .35rem; border-radius: .3rem; background: var(--ground);
      color: var(--muted); margin-right: .3rem; border: 1px solid var(--line); }
    .origin { color: var(--muted); font-size: .75rem; margin-left: .2rem; cursor: help; }
    .flag { color: var(--muted); font-size: .75rem; }
    .muted { color: var(--muted); }
    td.finding, .finding { position: relative; }
    .sev-error { background: var(--error-bg); box-shadow: inset 3px 0 0 var(--error); }
    .sev-warning { background: var(--warning-bg); box-shadow: inset 3px 0 0 var(--warning); }
    .sev-note { background: var(--note-bg); box-shadow: inset 3px 0 0 var(--note); }
    .badge { display: inline-block; margin-left: .3rem; padding: 0 .4rem; min-height: 1.4rem; font-size: .75rem;
      font-weight: 700; border-radius: .7rem; border: none; color: #fff; vertical-align: middle; }
    .badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.note { background: var(--note); }
    .notes { display: none; margin-top: .3rem; padding: .4rem .5rem; border-radius: .3rem; background: var(--paper);
      border: 1px solid var(--line); font-size: .85rem; white-space: normal; min-width: 14rem; }
    .open > .notes { display: block; }
    .notes p { margin: .1rem 0; }
    .focused { outline: 3px solid var(--focus); outline-offset: -3px; }
    .related-cell { outline: 2px dashed var(--accent); outline-offset: -2px; }
    .findings ol, .residue ol { margin: 0; padding-left: 1.4rem; }
    .findings li, .residue li { margin: .35rem 0; padding-left: .2rem; }
    .findings .code { font-weight: 700; margin-right: .4rem; }
    .findings .error .code { color: var(--error); } .findings .warning .code { color: var(--warning); }
    .findings .note .code { color: var(--note); }
    .findings a, .related a { color: var(--accent); }
    .related { margin: .15rem 0 0; padding-left: 1rem; list-style: circle; font-size: .88rem; color: var(--muted); }
    .loc { color: var(--muted); font-size: .85rem; white-space: nowrap; }
    .residue .text { background: var(--ground); padding: 0 .3rem; border-radius: .2rem; overflow-wrap: anywhere; }
    @media (max-width: 640px) {
      body { font-size: 14px; }
      main { padding: .5rem; gap: .6rem; }
      .card { padding: .75rem; border-radius: .4rem; }
      .bar h1 { font-size: 1rem; }
      .downloads { margin-left: 0; }
      td.long { min-width: 12rem; }
    }
    """#
}
