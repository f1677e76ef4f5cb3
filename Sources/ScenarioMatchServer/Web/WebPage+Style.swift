extension WebPage {
    static let stylesheet = """
    :root {
      --ink: #1f2933; --muted: #5f6b7a; --line: #d9e0e8; --paper: #ffffff; --ground: #f3f5f8;
      --accent: #0b6e4f; --accent-soft: #e3f2ec; --bar: linear-gradient(90deg, #2a9d8f, #0b6e4f);
      --warn: #b42318; --warn-soft: #fdecea;
      font-family: "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
      color: var(--ink); background: var(--ground);
    }
    * { box-sizing: border-box; }
    body { margin: 0; line-height: 1.6; }
    h1, h2 { margin: 0; font-weight: 600; }
    h1 { font-size: 1.6rem; }
    h2 { font-size: 1.15rem; margin-bottom: .75rem; }
    code { background: #eef1f5; padding: 0 .3em; border-radius: 3px; font-size: .9em; }

    .masthead {
      display: flex; justify-content: space-between; align-items: flex-end; gap: 1rem; flex-wrap: wrap;
      padding: 1.5rem 2rem 1rem; background: var(--paper); border-bottom: 1px solid var(--line);
    }
    .lead { margin: .25rem 0 0; color: var(--muted); }
    .status { font-size: .9rem; color: var(--muted); padding: .3rem .7rem; border: 1px solid var(--line); border-radius: 999px; }
    .status.ok { color: var(--accent); border-color: var(--accent); background: var(--accent-soft); }
    .status.down { color: var(--warn); border-color: var(--warn); background: var(--warn-soft); }

    .layout { display: grid; grid-template-columns: minmax(320px, 420px) 1fr; gap: 1.25rem; padding: 1.25rem 2rem; align-items: start; }
    @media (max-width: 900px) { .layout { grid-template-columns: 1fr; padding: 1rem; } }
    .panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem; }

    label { display: block; font-size: .9rem; color: var(--muted); margin-bottom: .7rem; }
    input, select, textarea {
      display: block; width: 100%; margin-top: .25rem; padding: .45rem .6rem; font: inherit; font-size: .95rem; color: var(--ink);
      border: 1px solid var(--line); border-radius: 6px; background: #fbfcfd;
    }
    textarea { resize: vertical; }
    input:focus, select:focus, textarea:focus { outline: 2px solid var(--accent-soft); border-color: var(--accent); }
    input:invalid { border-color: var(--warn); }
    .req { color: var(--warn); }
    .hint { font-size: .8rem; color: var(--muted); margin: 0 0 .5rem; }
    .grid { display: grid; gap: 0 .75rem; }
    .grid.two { grid-template-columns: 1fr 1fr; }
    .grid.three { grid-template-columns: 1fr 1fr 1fr; }
    .filters { border: 1px dashed var(--line); border-radius: 6px; margin: .5rem 0 1rem; padding: .5rem .75rem 0; }
    .filters legend { font-size: .9rem; color: var(--muted); padding: 0 .3rem; }

    .actions { display: flex; gap: .6rem; }
    button {
      font: inherit; padding: .5rem 1.2rem; border-radius: 6px; border: 1px solid var(--accent);
      background: var(--accent); color: #fff; cursor: pointer;
    }
    button.secondary { background: var(--paper); color: var(--accent); }
    button:disabled { opacity: .6; cursor: progress; }
    .error { color: var(--warn); background: var(--warn-soft); border-radius: 6px; padding: .5rem .75rem; margin: .75rem 0 0; }

    .results-head { display: flex; justify-content: space-between; align-items: baseline; }
    .muted { color: var(--muted); font-size: .9rem; }
    .results-list { list-style: none; margin: 0; padding: 0; }
    .match { border-top: 1px solid var(--line); padding: .9rem 0; display: grid; grid-template-columns: 2.5rem 1fr; gap: .75rem; }
    .match:first-child { border-top: none; }
    .rank {
      width: 2.2rem; height: 2.2rem; border-radius: 50%; background: var(--accent-soft); color: var(--accent);
      display: flex; align-items: center; justify-content: center; font-weight: 600;
    }
    .match h3 { margin: 0; font-size: 1.05rem; font-weight: 600; }
    .match .id { color: var(--muted); font-size: .8rem; margin-left: .4rem; font-weight: 400; }
    .score { display: flex; align-items: center; gap: .6rem; margin: .35rem 0; }
    .bar { flex: 1; height: .6rem; background: #e8edf2; border-radius: 999px; overflow: hidden; max-width: 420px; }
    .bar > span { display: block; height: 100%; background: var(--bar); border-radius: 999px; }
    .score-value { font-variant-numeric: tabular-nums; font-size: .9rem; min-width: 4.5rem; }
    .reasons { margin: .25rem 0 0; padding-left: 1.1rem; font-size: .88rem; color: #3b4754; }
    .reasons li { margin: .1rem 0; }
    .empty { color: var(--muted); }
    .footer { padding: .5rem 2rem 2rem; color: var(--muted); font-size: .85rem; }
    """
}
