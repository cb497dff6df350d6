// The browser half of the site's search: one hand-written script (search/search.js), no bundler, no
// library. It folds and tokenizes the query exactly as src/search does (fold.ts, tokenize.ts and query.ts's
// term rules are mirrored line for line; client-script.test.ts runs this text in a V8 context and compares
// it with them), then loads the shard each query token falls in, in every segment of the index, with <script>
// tags (which work from file://, unlike fetch()), merges the segments' lists (an article edited since an
// older segment was written is taken from the newest only), intersects them and shows the newest matches.
//
// Kept as a string so the published site needs nothing but this module; ES2018, no template literals.
export const CLIENT_SCRIPT = String.raw`// newsvault: search for the static site (generated; see src/search/site/client-script.ts).
(function () {
  'use strict';
  var root = typeof window !== 'undefined' ? window : globalThis;
  var api = root.newsvaultSearch || (root.newsvaultSearch = {});

  // ---- folding: src/search/fold.ts, one UTF-16 code unit at a time, same length out as in ----
  var simplifiedOf = new Uint16Array(0x10000);
  var table = new Uint16Array(0x10000);
  var combiningMark = /\p{M}/gu;
  var spacedScript = /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u;
  var foldLoaded = false;
  api.fold = function (pairs) {
    for (var i = 0; i + 1 < pairs.length; i += 2) simplifiedOf[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
    table = new Uint16Array(0x10000);
    foldLoaded = true;
  };
  function preFold(c) {
    var ch = String.fromCharCode(c);
    var out = ch.normalize('NFKC');
    if (out.length !== 1) out = ch;
    var decomposed = out.normalize('NFD');
    if (decomposed.length > 1 && spacedScript.test(decomposed)) {
      var base = decomposed.replace(combiningMark, '');
      if (base.length === 1) out = base;
    }
    var lower = out.toLowerCase();
    return lower.length === 1 ? lower : out;
  }
  function unit(c) {
    var f = table[c];
    if (f === 0 && c !== 0) {
      if (c >= 0xd800 && c <= 0xdfff) f = c;
      else {
        var pre = preFold(c).charCodeAt(0);
        f = simplifiedOf[pre] || pre;
      }
      table[c] = f;
    }
    return f;
  }
  function fold(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) out += String.fromCharCode(unit(text.charCodeAt(i)));
    return out;
  }

  // ---- tokens: src/search/tokenize.ts ----
  var SEPARATOR = 0, WORD = 1, CJK = 2;
  var cjk = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u3005\u3006\u30fc]/u;
  var word = /[\p{L}\p{N}]/u;
  function classify(ch) {
    if (cjk.test(ch)) return CJK;
    if (word.test(ch)) return WORD;
    return SEPARATOR;
  }
  function runs(text) {
    var out = [];
    var current = null;
    for (var i = 0; i < text.length; ) {
      var c = text.charCodeAt(i);
      var width = 1;
      var kind;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        kind = classify(String.fromCodePoint(text.codePointAt(i)));
        width = 2;
      } else {
        kind = classify(String.fromCharCode(c));
      }
      if (kind === SEPARATOR) {
        current = null;
      } else {
        if (current === null || current.kind !== kind) {
          current = { kind: kind, start: i, end: i, chars: [] };
          out.push(current);
        }
        current.chars.push(text.slice(i, i + width));
        current.end = i + width;
      }
      i += width;
    }
    return out;
  }
  function touching(a, b) {
    return a !== undefined && b !== undefined && a.end === b.start;
  }
  function tokens(folded, edges) {
    var list = runs(folded);
    var out = [];
    for (var r = 0; r < list.length; r++) {
      var run = list[r];
      if (run.kind === WORD) {
        out.push(run.chars.join(''));
        continue;
      }
      var leading = touching(list[r - 1], run) && (edges || r > 0);
      var trailing = touching(run, list[r + 1]) && (edges || r < list.length - 1);
      var chars = run.chars;
      if (chars.length === 1) {
        out.push(chars[0]);
        continue;
      }
      if (leading) out.push(chars[0]);
      for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      if (trailing) out.push(chars[chars.length - 1]);
    }
    return out;
  }

  // ---- the query: words and "phrases" (all must match), -exclusions; filters are the reader's ----
  var QUOTES = '"\u201c\u201d\u300c\u300d\u300e\u300f';
  var FILTER = /^(source|from|to|status):(?=\S)/i;
  function parse(input) {
    var text = input.normalize('NFKC').trim();
    var query = { terms: [], excluded: [], error: null };
    var i = 0, n = text.length;
    while (i < n) {
      while (i < n && /\s/u.test(text[i])) i++;
      if (i >= n) break;
      var negated = false;
      if (text[i] === '-' && i + 1 < n && !/\s/u.test(text[i + 1])) {
        negated = true;
        i++;
      }
      var filter = FILTER.exec(text.slice(i, i + 10));
      if (filter) i += filter[0].length;
      var start, value;
      if (QUOTES.indexOf(text[i]) >= 0) {
        start = ++i;
        while (i < n && QUOTES.indexOf(text[i]) < 0) i++;
        value = text.slice(start, i);
        i++;
      } else {
        start = i;
        while (i < n && !/\s/u.test(text[i])) i++;
        value = text.slice(start, i);
      }
      if (filter) continue;
      var folded = fold(value);
      var list = tokens(folded, false);
      if (list.length === 0) continue;
      var parts = runs(folded);
      if (parts.length === 1 && parts[0].kind === CJK && parts[0].chars.length === 1) {
        query.error = '「' + value + '」只有一个汉字：请输入两个或以上的字';
        return query;
      }
      (negated ? query.excluded : query.terms).push(list);
    }
    return query;
  }

  // ---- shards: postings.ts ----
  var FINAL = '0123456789abcdefghijklmnopqrstuv';
  var CONTINUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~!*';
  function shardOf(token, shards) {
    var h = 0x811c9dc5;
    for (var i = 0; i < token.length; i++) {
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }
  function decode(text) {
    var out = [];
    var previous = -1, gap = 0;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      var d = FINAL.indexOf(ch);
      if (d >= 0) {
        previous += gap * 32 + d;
        out.push(previous);
        gap = 0;
      } else {
        gap = gap * 32 + CONTINUE.indexOf(ch);
      }
    }
    return out;
  }

  // ---- segments: build.ts. lists[k] holds a token's ids in segment k (oldest first), drops[k] the ids that
  // segment k hides in every older one (edited since). An id counts once, from the newest segment holding it.
  function visible(lists, drops) {
    var out = new Set();
    var hidden = new Set();
    for (var k = lists.length - 1; k >= 0; k--) {
      for (var i = 0; i < lists[k].length; i++) if (!hidden.has(lists[k][i])) out.add(lists[k][i]);
      for (var j = 0; j < drops[k].length; j++) hidden.add(drops[k][j]);
    }
    return Array.from(out).sort(function (a, b) { return a - b; });
  }

  api.core = { fold: fold, tokens: tokens, parse: parse, shardOf: shardOf, decode: decode, visible: visible };
  if (typeof document === 'undefined') return;

  // ---- loading: one <script> per file, each calling back into api ----
  var here = document.currentScript ? document.currentScript.src : location.href;
  var base = here.slice(0, here.lastIndexOf('/') + 1);
  var web = location.protocol === 'http:' || location.protocol === 'https:';
  var manifest = null;
  var drops = [];
  // Once per page: a mirror's cache may hold an old manifest, but this page's queries share one.
  var manifestVersion = web ? String(Date.now()) : '';
  var tokenShards = {};
  var docShards = {};
  var loading = {};
  api.manifest = function (m) {
    manifest = m;
    drops = m.segments.map(function (segment) { return decode(segment.drop); });
  };
  api.t = function (segment, n, text) {
    var lines = text.split('\n');
    var shard = new Map();
    for (var i = 0; i < lines.length; i++) {
      var tab = lines[i].indexOf('\t');
      if (tab > 0) shard.set(lines[i].slice(0, tab), lines[i].slice(tab + 1));
    }
    tokenShards[segment + '/' + n] = shard;
  };
  api.d = function (n, data) { docShards[n] = data; };
  function load(path, version) {
    var key = path + '?' + version;
    if (!loading[key]) {
      loading[key] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = base + path + (web && version ? '?v=' + version : '');
        script.onload = function () { resolve(); };
        script.onerror = function () {
          delete loading[key];
          reject(new Error('无法载入搜索索引文件 ' + path));
        };
        document.head.appendChild(script);
      });
    }
    return loading[key];
  }
  function ready() {
    var waits = [load('fold.js', '1'), load('manifest.js', manifestVersion)];
    return Promise.all(waits).then(function () {
      if (!manifest || !foldLoaded) throw new Error('搜索索引不完整');
    });
  }
  function segmentPostings(segment, token) {
    var n = shardOf(token, segment.shards);
    return load('s/' + segment.id + '/' + n + '.js', segment.t[n]).then(function () {
      var shard = tokenShards[segment.id + '/' + n];
      var encoded = shard ? shard.get(token) : undefined;
      return encoded === undefined ? [] : decode(encoded);
    });
  }
  // The token's shard in every segment (a few files: segments are about log2(articles / 128)), merged.
  function postings(token) {
    var segmentDrops = drops;
    return Promise.all(manifest.segments.map(function (segment) { return segmentPostings(segment, token); })).then(function (lists) {
      return visible(lists, segmentDrops);
    });
  }
  function termIds(list) {
    return Promise.all(list.map(postings)).then(function (lists) {
      lists.sort(function (a, b) { return a.length - b.length; });
      var ids = lists[0];
      for (var k = 1; k < lists.length && ids.length > 0; k++) {
        var other = new Set(lists[k]);
        ids = ids.filter(function (id) { return other.has(id); });
      }
      return ids;
    });
  }
  function match(query) {
    return Promise.all(query.terms.map(termIds).concat(query.excluded.map(termIds))).then(function (sets) {
      var ids = sets[0];
      for (var k = 1; k < query.terms.length; k++) {
        var other = new Set(sets[k]);
        ids = ids.filter(function (id) { return other.has(id); });
      }
      for (var e = query.terms.length; e < sets.length; e++) {
        var out = new Set(sets[e]);
        ids = ids.filter(function (id) { return !out.has(id); });
      }
      return ids.slice().sort(function (a, b) { return b - a; });
    });
  }
  function docs(ids) {
    var per = manifest.docsPerShard;
    var wanted = {};
    ids.forEach(function (id) { wanted[Math.floor(id / per)] = true; });
    return Promise.all(Object.keys(wanted).map(function (n) { return load('d/' + n + '.js', manifest.d[n]); })).then(function () {
      return ids.map(function (id) {
        var shard = docShards[Math.floor(id / per)] || {};
        return { id: id, entry: shard[id] };
      });
    });
  }

  // ---- the page ----
  var PAGE = 20;
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  if (!form || !input || !status || !results || !more) return;
  form.hidden = false;
  var generation = 0;
  var matched = [];
  var shown = 0;
  function line(hit) {
    var li = document.createElement('li');
    if (!hit.entry) {
      li.textContent = '(索引缺少第 ' + hit.id + ' 篇)';
      return li;
    }
    var a = document.createElement('a');
    a.href = hit.entry[3];
    a.textContent = hit.entry[0];
    li.appendChild(a);
    var meta = document.createElement('span');
    meta.className = 'muted';
    meta.textContent = ' ' + (manifest.sources[hit.entry[1]] || hit.entry[1]) + ' · ' + hit.entry[2] + (hit.entry[4] ? ' · 已删除' : '');
    li.appendChild(meta);
    return li;
  }
  function showMore(mine) {
    var slice = matched.slice(shown, shown + PAGE);
    return docs(slice).then(function (hits) {
      if (mine !== generation) return;
      hits.forEach(function (hit) { results.appendChild(line(hit)); });
      shown += slice.length;
      more.hidden = shown >= matched.length;
    });
  }
  function clear(message) {
    results.textContent = '';
    more.hidden = true;
    status.textContent = message;
  }
  function run() {
    var mine = ++generation;
    var text = input.value;
    if (text.trim() === '') {
      clear('');
      return Promise.resolve();
    }
    status.textContent = '搜索中…';
    // The fold table must be in before the query is folded (習 → 习).
    return ready().then(function () {
      if (mine !== generation) return;
      var query = parse(text);
      if (query.error) return clear(query.error);
      if (query.terms.length === 0) return clear('请输入要找的词');
      return match(query).then(function (ids) {
        if (mine !== generation) return;
        matched = ids;
        shown = 0;
        results.textContent = '';
        // The count goes up with the first page of results, never before it.
        return showMore(mine).then(function () {
          if (mine !== generation) return;
          status.textContent = ids.length === 0 ? '没有找到包含这些词的文章' : '找到 ' + ids.length + ' 篇，最新的在前';
        });
      });
    }).catch(function (error) {
      if (mine === generation) status.textContent = '搜索失败：' + error.message;
    });
  }
  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  more.addEventListener('click', function () { showMore(generation); });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    run();
  } else {
    // Load the fold table and the manifest while the reader starts typing.
    ready().catch(function (error) { status.textContent = '搜索失败：' + error.message; });
  }
})();
`;
