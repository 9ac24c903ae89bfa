/*
 * Search for the toolkit: answers queries in the browser from the index the generator writes
 * under search/ (docs/search.md). Plain JavaScript, no eval, no inline styles: it runs under
 * the site's Content Security Policy (default-src 'self').
 *
 * Without JavaScript, or in a browser without DecompressionStream, the search page keeps its
 * A-Z list of every page. With it, the list is hidden and results appear as the reader types.
 *
 * The words part mirrors generator/search/{fold,words,analyzer}.cpp and the Snowball English
 * stemmer, so a query is read exactly as the pages were; tests/search/run.mjs checks that.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // Words: which characters make words, how they fold, how words split (generator/search/fold.cpp)

  var WORD = 0, APOS = 1, HYPHEN = 2, MARK = 3, SEP = 4;

  function classify(cp) {
    if (cp < 0x80) {
      if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57)) return WORD;
      if (cp === 39) return APOS;
      if (cp === 45) return HYPHEN;
      return SEP;
    }
    if (cp === 0x2018 || cp === 0x2019 || cp === 0x02bc) return APOS;
    if (cp === 0x2010 || cp === 0x2011) return HYPHEN;
    if (cp >= 0x300 && cp <= 0x36f) return MARK;
    if (cp < 0xc0 || cp === 0xd7 || cp === 0xf7) return SEP;
    if ((cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x2e00 && cp <= 0x2e7f) || (cp >= 0x3000 && cp <= 0x303f) ||
        (cp >= 0xfe00 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff20) || cp === 0xfeff ||
        (cp >= 0xfff0 && cp <= 0xffff) || (cp >= 0x1f000 && cp <= 0x1faff)) return SEP;
    return WORD;
  }

  var foldMemo = new Map();
  function fold(cp) {
    if (cp < 0x80) return String.fromCharCode(cp >= 65 && cp <= 90 ? cp + 32 : cp);
    var ch = String.fromCodePoint(cp);
    if (cp < 0xc0 || cp >= 0x500) return ch;
    var f = foldMemo.get(cp);
    if (f === undefined) {
      // The table in fold_table.inc was made the same way: lower case, decompose, drop accents.
      f = ch.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      foldMemo.set(cp, f);
    }
    return f;
  }

  function finishPart(part, parts) {
    if (part.length >= 2 && part.slice(-2) === "'s") part = part.slice(0, -2);
    part = part.split("'").join('');
    if (part) parts.push(part);
  }

  /** Words of a text: {parts, start, end}, with start and end as string indexes. */
  function scanWords(text) {
    var out = [];
    var n = text.length, i = 0;
    while (i < n) {
      var cp = text.codePointAt(i);
      if (classify(cp) !== WORD) { i += cp > 0xffff ? 2 : 1; continue; }
      var start = i, parts = [], part = '';
      while (i < n) {
        cp = text.charCodeAt(i);
        if (cp < 0x80 && classify(cp) === WORD) {
          // A run of ASCII letters and digits at once: nearly all of the text.
          var j = i + 1, k;
          while (j < n && (k = text.charCodeAt(j)) < 0x80 && classify(k) === WORD) j++;
          part += text.slice(i, j).toLowerCase();
          i = j;
          continue;
        }
        cp = text.codePointAt(i);
        var w = cp > 0xffff ? 2 : 1;
        var c = classify(cp);
        if (c === WORD) { part += fold(cp); i += w; continue; }
        if (c === MARK) { i += w; continue; }
        if ((c === APOS || c === HYPHEN) && i + w < n && classify(text.codePointAt(i + w)) === WORD) {
          if (c === APOS) part += "'";
          else { finishPart(part, parts); part = ''; }
          i += w;
          continue;
        }
        break;
      }
      finishPart(part, parts);
      if (parts.length) out.push({ parts: parts, start: start, end: i });
    }
    return out;
  }

  function utf8Length(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }

  var stopWords = new Set();

  /** Worth a term: two letters or more, not a stop word (Analyzer::usable). */
  function usable(w) {
    return utf8Length(w) <= 64 && Array.from(w).length >= 2 && !stopWords.has(w);
  }

  // ---------------------------------------------------------------------------------------------
  // The Snowball English (Porter2) stemmer, written from the published algorithm
  // (snowballstem.org/algorithms/english/stemmer.html), as libstemmer 2.2 applies it.

  var EXCEPTIONS = {
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe',
    atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes'
  };
  var EXCEPTIONS_AFTER_1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

  function isV(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y'; }

  /** Ends in a short syllable (Snowball's shortv), looking at w[0 .. end). */
  function shortV(w, end) {
    if (end >= 3) {
      var c = w[end - 1];
      if (!isV(c) && c !== 'w' && c !== 'x' && c !== 'Y' && isV(w[end - 2]) && !isV(w[end - 3])) return true;
    }
    return end === 2 && isV(w[0]) && !isV(w[1]);
  }

  /** The longest of `suffixes` that w ends with, or ''. */
  function longest(w, suffixes) {
    var best = '';
    for (var i = 0; i < suffixes.length; i++) {
      var s = suffixes[i];
      if (s.length > best.length && w.length >= s.length && w.slice(-s.length) === s) best = s;
    }
    return best;
  }

  var STEP2 = {
    tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
    ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
    ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', ogi: 'og',
    fulli: 'ful', lessli: 'less', li: ''
  };
  var STEP2_KEYS = Object.keys(STEP2);
  var STEP3 = { tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '', ative: '' };
  var STEP3_KEYS = Object.keys(STEP3);
  var STEP4_KEYS = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate',
    'iti', 'ous', 'ive', 'ize', 'ion'];
  var VALID_LI = 'cdeghkmnrt';

  function porter2(word) {
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    if (word.length < 3) return word;
    var w = word;
    if (w[0] === "'") w = w.slice(1);
    // Prelude: y as a consonant is Y.
    var chars = w.split('');
    if (chars[0] === 'y') chars[0] = 'Y';
    for (var i = 1; i < chars.length; i++) if (chars[i] === 'y' && isV(chars[i - 1])) chars[i] = 'Y';
    w = chars.join('');
    // Regions.
    var p1 = w.length, p2 = w.length;
    var after = function (start) {
      var k = start;
      while (k < w.length && !isV(w[k])) k++;
      if (k >= w.length) return w.length;
      k++;
      while (k < w.length && isV(w[k])) k++;
      return k >= w.length ? w.length : k + 1;
    };
    var special = /^(gener|commun|arsen)/.exec(w);
    p1 = special ? special[0].length : after(0);
    p2 = after(p1);

    // Step 1a.
    var s = longest(w, ["'s'", "'s", "'"]);
    if (s) w = w.slice(0, -s.length);
    s = longest(w, ['sses', 'ied', 'ies', 's', 'us', 'ss']);
    if (s === 'sses') w = w.slice(0, -2);
    else if (s === 'ied' || s === 'ies') w = w.slice(0, -3) + (w.length - 3 >= 2 ? 'i' : 'ie');
    else if (s === 's' && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);

    if (EXCEPTIONS_AFTER_1A.has(w)) return w.replace(/Y/g, 'y');

    // Step 1b.
    s = longest(w, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
    if (s === 'eed' || s === 'eedly') {
      if (w.length - s.length >= p1) w = w.slice(0, -s.length) + 'ee';
    } else if (s && /[aeiouy]/.test(w.slice(0, -s.length))) {
      w = w.slice(0, -s.length);
      var t = longest(w, ['at', 'bl', 'iz', 'bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
      if (t === 'at' || t === 'bl' || t === 'iz') w += 'e';
      else if (t) w = w.slice(0, -1);
      else if (w.length === p1 && shortV(w, w.length)) w += 'e';
    }

    // Step 1c.
    var last = w[w.length - 1];
    if ((last === 'y' || last === 'Y') && w.length >= 3 && !isV(w[w.length - 2])) w = w.slice(0, -1) + 'i';

    // Step 2.
    s = longest(w, STEP2_KEYS);
    if (s && w.length - s.length >= p1) {
      var before = w[w.length - s.length - 1];
      if (s === 'ogi') { if (before === 'l') w = w.slice(0, -3) + 'og'; }
      else if (s === 'li') { if (before !== undefined && VALID_LI.indexOf(before) >= 0) w = w.slice(0, -2); }
      else w = w.slice(0, -s.length) + STEP2[s];
    }

    // Step 3.
    s = longest(w, STEP3_KEYS);
    if (s && w.length - s.length >= p1) {
      if (s === 'ative') { if (w.length - s.length >= p2) w = w.slice(0, -5); }
      else w = w.slice(0, -s.length) + STEP3[s];
    }

    // Step 4.
    s = longest(w, STEP4_KEYS);
    if (s && w.length - s.length >= p2) {
      if (s === 'ion') {
        var b = w[w.length - 4];
        if (b === 's' || b === 't') w = w.slice(0, -3);
      } else {
        w = w.slice(0, -s.length);
      }
    }

    // Step 5.
    last = w[w.length - 1];
    if (last === 'e') {
      var at = w.length - 1;
      if (at >= p2 || (at >= p1 && !shortV(w, at))) w = w.slice(0, -1);
    } else if (last === 'l') {
      if (w.length - 1 >= p2 && w[w.length - 2] === 'l') w = w.slice(0, -1);
    }
    return w.replace(/Y/g, 'y');
  }

  var stemMemo = new Map();
  function stem(word) {
    var s = stemMemo.get(word);
    if (s === undefined) {
      s = utf8Length(word) <= 64 ? porter2(word) : word;
      stemMemo.set(word, s);
    }
    return s;
  }

  var wordMemo = new Map();

  /** A word's index terms (its stem; for a compound, each usable part's and the joined form's)
   *  and its phrase word (a compound counts as its joined form), remembered per word. */
  function analyse(parts) {
    var key = parts.length === 1 ? parts[0] : parts.join('-');
    var a = wordMemo.get(key);
    if (a) return a;
    var joined = parts.join('');
    var phrase = usable(joined) ? stem(joined) : null;
    var out = [];
    if (parts.length > 1) for (var i = 0; i < parts.length; i++) if (usable(parts[i])) out.push(stem(parts[i]));
    if (phrase !== null) out.push(phrase);
    a = { terms: out, phrase: phrase };
    wordMemo.set(key, a);
    return a;
  }

  function wordTerms(parts) { return analyse(parts).terms; }
  function phraseWord(parts) { return analyse(parts).phrase; }

  function terms(text) {
    var out = [];
    scanWords(text).forEach(function (w) { out.push.apply(out, wordTerms(w.parts)); });
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Index files (generator/search/index_writer.h): fetched once each, gunzipped, decoded lazily.

  function gunzip(bytes) {
    // A server may already have undone the gzip (Content-Encoding): then there is no magic.
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(bytes);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  function fetchBytes(url, headers) {
    return fetch(url, { credentials: 'same-origin', headers: headers || {} }).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.arrayBuffer().then(function (buf) { return { status: r.status, bytes: new Uint8Array(buf) }; });
    });
  }

  var utf8 = new TextDecoder();

  function Reader(bytes, pos) { this.b = bytes; this.p = pos || 0; }
  Reader.prototype.varint = function () {
    var v = 0, mul = 1, byte;
    do {
      byte = this.b[this.p++];
      v += (byte & 0x7f) * mul;
      mul *= 128;
    } while (byte & 0x80);
    return v;
  };

  function decodeWords(bytes, withDf) {
    var r = new Reader(bytes), n = r.varint();
    var words = [], dfs = [], prev = new Uint8Array(0);
    for (var k = 0; k < n; k++) {
      var shared = r.varint(), len = r.varint();
      var cur = new Uint8Array(shared + len);
      cur.set(prev.subarray(0, shared));
      cur.set(bytes.subarray(r.p, r.p + len), shared);
      r.p += len;
      words.push(utf8.decode(cur));
      if (withDf) dfs.push(r.varint());
      prev = cur;
    }
    return { words: words, dfs: dfs, reader: r };
  }

  function decodeShard(bytes) {
    var r = new Reader(bytes), n = r.varint();
    var words = [], entries = new Map(), prev = new Uint8Array(0);
    for (var k = 0; k < n; k++) {
      var shared = r.varint(), len = r.varint();
      var cur = new Uint8Array(shared + len);
      cur.set(prev.subarray(0, shared));
      cur.set(bytes.subarray(r.p, r.p + len), shared);
      r.p += len;
      var term = utf8.decode(cur);
      var df = r.varint(), size = r.varint();
      entries.set(term, { df: df, at: r.p, postings: null });
      words.push(term);
      r.p += size;
      prev = cur;
    }
    return { bytes: bytes, words: words, entries: entries };
  }

  function postingsOf(shard, term) {
    var e = shard.entries.get(term);
    if (!e) return null;
    if (!e.postings) {
      var r = new Reader(shard.bytes, e.at), docs = new Uint32Array(e.df), doc = 0;
      for (var i = 0; i < e.df; i++) docs[i] = doc += r.varint();
      e.postings = { docs: docs, impacts: shard.bytes.subarray(r.p, r.p + e.df), df: e.df };
    }
    return e.postings;
  }

  function SearchIndex(manifestUrl) {
    this.url = manifestUrl;
    this.base = new URL('./', manifestUrl);
    this.files = new Map();
    this.probes = new Map();  // per pack, its first range request while `ranges` is unknown
    this.ranges = undefined;  // whether the server answers range requests (206), once known
  }

  SearchIndex.prototype.load = function () {
    var self = this;
    return fetch(this.url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(self.url + ': ' + r.status);
      return r.json();
    }).then(function (m) {
      self.m = m;
      self.keys = m.shards.map(function (s) { return s[0]; });
      m.stop.forEach(function (w) { stopWords.add(w); });
      wordMemo.clear();
      // Synonym phrases by their first word.
      self.phrasesByFirst = new Map();
      m.synonyms.forEach(function (group, g) {
        group.forEach(function (phrase) {
          var list = self.phrasesByFirst.get(phrase[0]) || [];
          list.push({ group: g, words: phrase });
          self.phrasesByFirst.set(phrase[0], list);
        });
      });
      return self;
    });
  };

  /** The promise kept under `key`, made by `make()` the first time (and again after a failure). */
  SearchIndex.prototype.cached = function (key, make) {
    var self = this, p = this.files.get(key);
    if (!p) {
      p = make();
      this.files.set(key, p);
      p.catch(function () { self.files.delete(key); });
    }
    return p;
  };

  SearchIndex.prototype.file = function (path, decode) {
    var url = new URL(path, this.base);
    return this.cached(path, function () {
      return fetchBytes(url).then(function (r) { return gunzip(r.bytes); }).then(decode);
    });
  };

  /** The shard that holds `term`: the last whose key is <= term. */
  SearchIndex.prototype.shardFor = function (term) {
    var lo = 0, hi = this.keys.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (this.keys[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  SearchIndex.prototype.shard = function (i) {
    return this.file('t/' + this.m.shards[i][1] + '.gz', decodeShard);
  };

  SearchIndex.prototype.postings = function (term) {
    return this.shard(this.shardFor(term)).then(function (s) { return postingsOf(s, term); });
  };

  /** Terms that start with `prefix`, most common first, from at most three shards. */
  SearchIndex.prototype.completions = function (prefix, limit) {
    var first = this.shardFor(prefix), last = first;
    while (last + 1 < this.keys.length && last - first < 2 &&
           (this.keys[last + 1] <= prefix || this.keys[last + 1].slice(0, prefix.length) === prefix)) last++;
    var loads = [];
    for (var i = first; i <= last; i++) loads.push(this.shard(i));
    return Promise.all(loads).then(function (shards) {
      var found = [];
      shards.forEach(function (s) {
        s.words.forEach(function (w) {
          if (w.length > prefix.length && w.slice(0, prefix.length) === prefix) found.push([w, s.entries.get(w).df]);
        });
      });
      found.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
      return found.slice(0, limit).map(function (f) { return f[0]; });
    });
  };

  /** Words of the index one edit (insert, delete, change, swap) from `word`, most common first. */
  SearchIndex.prototype.nearWords = function (word, limit) {
    var self = this, loads = [];
    for (var len = word.length - 1; len <= word.length + 1; len++) {
      var h = this.m.vocab[String(len)];
      if (h) loads.push(this.file('v/' + h + '.gz', function (b) { return decodeWords(b, true); }));
    }
    return Promise.all(loads).then(function (lists) {
      var found = [];
      lists.forEach(function (l) {
        for (var i = 0; i < l.words.length; i++) if (oneEdit(word, l.words[i])) found.push([l.words[i], l.dfs[i]]);
      });
      found.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
      return found.slice(0, limit).map(function (f) { return f[0]; });
    });
  };

  SearchIndex.prototype.filters = function () {
    var n = this.m.docs, bundle = this.m.bundle;
    return this.file('f.' + this.m.filters + '.gz', function (b) {
      var r = new Reader(b), count = r.varint(), audBytes = r.varint(), at = r.p;
      // Then each page's bytes in its pack: where it starts there is the sum of those before it.
      r.p = at + count * (2 + audBytes);
      var start = new Float64Array(count), size = new Float64Array(count), off = 0;
      for (var d = 0; d < count; d++) {
        if (d % bundle === 0) off = 0;
        start[d] = off;
        size[d] = r.varint();
        off += size[d];
      }
      return {
        stage: b.subarray(at, at + count),
        type: b.subarray(at + count, at + 2 * count),
        audience: b.subarray(at + 2 * count, at + 2 * count + count * audBytes),
        audBytes: audBytes,
        count: Math.min(count, n),
        start: start,
        size: size
      };
    });
  };

  /** Page `doc`'s data: its bytes in its bundle's pack, by an HTTP range request. A server that
   *  ignores ranges sends the whole pack (200): it is kept for the bundle's other pages, and later
   *  packs are fetched whole. Until the first answer says which, other pages of a pack wait for the
   *  pack's first request, so that without ranges no pack is fetched whole twice. */
  SearchIndex.prototype.page = function (doc) {
    var self = this;
    return this.cached('page ' + doc, function () { return self.filters().then(function (f) {
      var b = Math.floor(doc / self.m.bundle), start = f.start[doc], end = start + f.size[doc];
      var path = 'p/' + self.m.bundles[b] + '.bin', url = new URL(path, self.base);
      var slice = function () {
        // The pack itself when it came whole, or when the server is known to send packs whole.
        var whole = self.ranges === false
          ? self.cached(path, function () { return fetchBytes(url).then(function (r) { return r.bytes; }); })
          : self.files.get(path);
        if (whole) return whole.then(function (all) { return all.subarray(start, end); });
        return fetchBytes(url, { Range: 'bytes=' + start + '-' + (end - 1) }).then(function (r) {
          if (r.status === 206) {
            self.ranges = true;
            if (r.bytes.length !== end - start) throw new Error(path + ': wrong range');
            return r.bytes;
          }
          self.ranges = false;
          self.cached(path, function () { return Promise.resolve(r.bytes); });
          return r.bytes.subarray(start, end);
        });
      };
      var first = self.ranges === undefined && self.probes.get(path);
      if (first) return first.then(slice, slice);
      var got = slice();
      if (self.ranges === undefined) self.probes.set(path, got);
      return got;
    }).then(gunzip).then(function (b) { return JSON.parse(utf8.decode(b)); }); });
  };

  /** Whether a and b are one insertion, deletion, substitution or swap of neighbours apart. */
  function oneEdit(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la < lb ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
  }

  // ---------------------------------------------------------------------------------------------
  // Queries. A query is a list of units, one per word or per synonym phrase; each unit has
  // alternatives (its own terms, its synonym group, completions of a last word being typed, near
  // words for a typo) and a page scores the best alternative of each unit. Pages that match at
  // least half of the units are results, ranked by BM25F (impacts from the index times IDF) and
  // by how many units they match.

  var COMPLETION_WEIGHT = 0.8, TYPO_WEIGHT = 0.6, SYNONYM_WEIGHT = 0.9, TITLE_PAIR_WEIGHT = 0.5;

  /** Terms for pairs of query words, which the index has for pairs of words in one title. */
  function titlePairs(units) {
    var words = [];
    units.forEach(function (u) {
      u.alts[0].terms.forEach(function (t) { if (words.indexOf(t) < 0) words.push(t); });
    });
    words = words.slice(0, 6).sort();
    var out = [];
    for (var i = 0; i < words.length; i++) for (var j = i + 1; j < words.length; j++) out.push(words[i] + '|' + words[j]);
    return out;
  }

  function parseQuery(text, index) {
    var words = scanWords(text);
    var trailing = text.length > 0 && classify(text.codePointAt(text.length - 1)) === WORD;
    var units = [];
    words.forEach(function (w, wi) {
      var t = wordTerms(w.parts);
      var pw = phraseWord(w.parts);
      if (!t.length && !pw) return;
      var alts = [];
      if (w.parts.length > 1) {
        if (pw) alts.push({ terms: [pw], weight: 1 });
        var partTerms = t.filter(function (x) { return x !== pw; });
        if (partTerms.length) alts.push({ terms: partTerms, weight: 1 });
      } else {
        alts.push({ terms: t, weight: 1 });
      }
      units.push({
        text: text.slice(w.start, w.end), phrase: pw, alts: alts,
        raw: w.parts.length === 1 ? w.parts[0] : null,
        typing: trailing && wi === words.length - 1
      });
    });
    // Synonym phrases, longest first from the left, merge the units they cover.
    var merged = [];
    for (var i = 0; i < units.length;) {
      var best = null;
      (index.phrasesByFirst.get(units[i].phrase) || []).forEach(function (p) {
        if (i + p.words.length > units.length) return;
        for (var k = 0; k < p.words.length; k++) if (units[i + k].phrase !== p.words[k]) return;
        if (!best || p.words.length > best.words.length) best = p;
      });
      if (!best) { merged.push(units[i]); i++; continue; }
      var span = units.slice(i, i + best.words.length);
      var own = [];
      span.forEach(function (u) { own.push.apply(own, u.alts[0].terms); });
      merged.push({
        text: span.map(function (u) { return u.text; }).join(' '),
        alts: [{ terms: own, weight: 1 }, { terms: ['~' + best.group], weight: SYNONYM_WEIGHT, group: best.group }],
        raw: span.length === 1 ? span[0].raw : null,
        typing: span[span.length - 1].typing && span.length === 1
      });
      i += best.words.length;
    }
    return merged;
  }

  function idf(n, df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  /** Adds completions and near words to units whose words the index lacks; loads postings. */
  function resolve(units, index) {
    var lookups = [];
    units.pairs = titlePairs(units).map(function (t) { return { term: t, postings: null }; });
    units.pairs.forEach(function (p) {
      lookups.push(index.postings(p.term).then(function (x) { p.postings = x; }));
    });
    units.forEach(function (u) {
      u.alts.forEach(function (a) {
        a.postings = a.terms.map(function () { return null; });
        a.terms.forEach(function (t, k) {
          lookups.push(index.postings(t).then(function (p) { a.postings[k] = p; }));
        });
      });
    });
    return Promise.all(lookups).then(function () {
      var more = [];
      units.forEach(function (u) {
        var exact = u.alts.some(function (a) { return a.postings.every(Boolean); });
        var word = u.raw;
        if (!word) return;
        var extra;
        if (u.typing && Array.from(word).length >= 3) {
          // The last word may be half typed: "standst" -> standstil.
          extra = index.completions(word, 3).then(function (list) {
            if (list.length || exact || word.length < 5) return { list: list, weight: COMPLETION_WEIGHT };
            return index.nearWords(stem(word), 2).then(function (near) { return { list: near, weight: TYPO_WEIGHT }; });
          });
        } else if (!exact && Array.from(word).length >= 5) {
          extra = index.nearWords(stem(word), 2).then(function (near) { return { list: near, weight: TYPO_WEIGHT }; });
        }
        if (!extra) return;
        more.push(extra.then(function (r) {
          return Promise.all(r.list.map(function (t) {
            return index.postings(t).then(function (p) {
              if (p) u.alts.push({ terms: [t], weight: r.weight, postings: [p], extra: true });
            });
          }));
        }));
      });
      return Promise.all(more);
    }).then(function () { return units; });
  }

  /**
   * Scores every page: {docs: [doc ids, best first], score}. A page is a result when it matches
   * at least half of the units; its BM25 sum is then scaled by the share of the query's weight
   * (each unit weighs its IDF) that it matches, so missing "long" in "how long is the standstill
   * period" costs less than missing "standstill".
   */
  function rank(units, n) {
    // Plain loops over typed arrays, reused from unit to unit: this runs on every key press.
    var total = new Float64Array(n), cover = new Float32Array(n), weighted = new Float32Array(n);
    var best = new Float32Array(n), frac = new Float32Array(n), sum = new Float32Array(n);
    var count = new Uint8Array(n), touched = new Uint32Array(n), hit = new Uint32Array(n);
    var live = 0, weightSum = 0, ui, ai, i, k, d, p, w, s, f, t;
    for (ui = 0; ui < units.length; ui++) {
      var u = units[ui], uw = 0;
      for (ai = 0; ai < u.alts.length; ai++) {
        for (k = 0; k < u.alts[ai].postings.length; k++) {
          p = u.alts[ai].postings[k];
          if (p) uw = Math.max(uw, idf(n, p.df));
        }
      }
      if (!uw) continue;
      live++;
      weightSum += uw;
      var nt = 0;
      for (ai = 0; ai < u.alts.length; ai++) {
        var a = u.alts[ai], len = a.terms.length;
        if (len === 1) {
          p = a.postings[0];
          if (!p) continue;
          w = a.weight * idf(n, p.df) / 255;
          for (i = 0; i < p.docs.length; i++) {
            d = p.docs[i];
            s = w * p.impacts[i];
            if (frac[d] === 0) touched[nt++] = d;
            if (s > best[d]) best[d] = s;
            frac[d] = 1;
          }
          continue;
        }
        var nh = 0;
        for (k = 0; k < len; k++) {
          p = a.postings[k];
          if (!p) continue;
          w = a.weight * idf(n, p.df) / 255;
          for (i = 0; i < p.docs.length; i++) {
            d = p.docs[i];
            if (count[d] === 0) hit[nh++] = d;
            count[d]++;
            sum[d] += w * p.impacts[i];
          }
        }
        for (i = 0; i < nh; i++) {
          d = hit[i];
          f = count[d] / len;
          s = sum[d] * f * f;
          if (frac[d] === 0) touched[nt++] = d;
          if (s > best[d]) best[d] = s;
          if (f > frac[d]) frac[d] = f;
          count[d] = 0;
          sum[d] = 0;
        }
      }
      for (t = 0; t < nt; t++) {
        d = touched[t];
        total[d] += best[d];
        cover[d] += frac[d];
        weighted[d] += frac[d] * uw;
        best[d] = 0;
        frac[d] = 0;
      }
    }
    var pairs = units.pairs || [];
    for (k = 0; k < pairs.length; k++) {
      p = pairs[k].postings;
      if (!p) continue;
      w = TITLE_PAIR_WEIGHT * idf(n, p.df) / 255;
      for (i = 0; i < p.docs.length; i++) total[p.docs[i]] += w * p.impacts[i];
    }
    var docs = [], score = new Float64Array(n);
    if (!live) return { docs: docs, score: score };
    for (d = 0; d < n; d++) {
      if (total[d] <= 0 || cover[d] < live / 2) continue;
      score[d] = total[d] * (0.25 + 0.75 * weighted[d] / weightSum);
      docs.push(d);
    }
    return { docs: docs, score: score };
  }

  var TOP = 100;

  /**
   * Orders results best first, but only the first TOP or so: a query that matches 10,000 pages
   * should not sort them all on each key press. The rest are sorted if the reader goes that far.
   */
  function order(docs, score) {
    var cmp = function (x, y) { return score[y] - score[x] || x - y; };
    if (docs.length <= TOP * 2) return { top: docs.sort(cmp), rest: [], cmp: cmp };
    var keys = new Float64Array(docs.length);
    for (var i = 0; i < docs.length; i++) keys[i] = score[docs[i]];
    keys.sort();
    var cut = keys[keys.length - TOP], top = [], rest = [];
    for (i = 0; i < docs.length; i++) (score[docs[i]] >= cut ? top : rest).push(docs[i]);
    return { top: top.sort(cmp), rest: rest, cmp: cmp };
  }

  /** The first n results of a search, sorting the rest when they are first needed. */
  function firstResults(r, n) {
    if (n > r.docs.length && r.rest.length) {
      r.docs = r.docs.concat(r.rest.sort(r.cmp));
      r.rest = [];
    }
    return r.docs.slice(0, n);
  }

  function passes(f, d, sel) {
    if (sel.stage && f.stage[d] !== sel.stage) return false;
    if (sel.type && f.type[d] !== sel.type) return false;
    if (sel.audience) {
      var bit = sel.audience - 1;
      if (!(f.audience[d * f.audBytes + (bit >> 3)] & (1 << (bit & 7)))) return false;
    }
    return true;
  }

  /** Results for a query and filters (1-based positions in the manifest's facets, 0 for all). */
  function search(index, text, sel) {
    var units = parseQuery(text, index);
    var browse = !text.trim();
    return Promise.all([resolve(units, index), index.filters()]).then(function (r) {
      var f = r[1], nAud = index.m.facets.audience.length, ranked;
      if (browse) {
        // No words, only filters: every page they allow, in the index's order (by page id).
        ranked = { docs: [], score: new Float64Array(index.m.docs) };
        for (var d = 0; d < index.m.docs; d++) ranked.docs.push(d);
      } else {
        ranked = rank(units, index.m.docs);
      }
      var counts = { stage: {}, type: {}, audience: {} };
      // Each filter's counts ignore that filter's own choice, so every option says what it gives.
      var forStage = { type: sel.type, audience: sel.audience }, forType = { stage: sel.stage, audience: sel.audience };
      var forAudience = { stage: sel.stage, type: sel.type };
      var keep = function (d) {
        if (passes(f, d, forStage)) counts.stage[f.stage[d]] = (counts.stage[f.stage[d]] || 0) + 1;
        if (passes(f, d, forType)) counts.type[f.type[d]] = (counts.type[f.type[d]] || 0) + 1;
        if (passes(f, d, forAudience)) {
          for (var a = 0; a < nAud; a++) {
            if (f.audience[d * f.audBytes + (a >> 3)] & (1 << (a & 7))) counts.audience[a + 1] = (counts.audience[a + 1] || 0) + 1;
          }
        }
        return passes(f, d, sel);
      };
      var o = order(ranked.docs, ranked.score);
      var top = o.top.filter(keep), rest = o.rest.filter(keep);
      return {
        query: text, units: units, docs: top, rest: rest, cmp: o.cmp, total: top.length + rest.length,
        matched: ranked.docs.length, counts: counts, score: ranked.score
      };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Excerpts: the section of a page where the query's words are, with those words marked.

  /** Which query unit each word of a text matches (-1: none), and the set of units matched. */
  function markWords(words, units, index) {
    var single = new Map(), phrases = [];
    units.forEach(function (u, ui) {
      u.alts.forEach(function (a) {
        if (a.group !== undefined) {
          index.m.synonyms[a.group].forEach(function (p) { phrases.push({ words: p, unit: ui }); });
        } else {
          a.terms.forEach(function (t, k) { if (a.postings && a.postings[k]) single.set(t, ui); });
        }
      });
    });
    var marks = new Array(words.length).fill(-1), hit = new Set();
    var pws = [], at = [];
    words.forEach(function (w, i) {
      wordTerms(w.parts).forEach(function (t) {
        if (single.has(t)) { marks[i] = single.get(t); hit.add(marks[i]); }
      });
      var pw = phraseWord(w.parts);
      if (pw) { pws.push(pw); at.push(i); }
    });
    phrases.forEach(function (p) {
      for (var i = 0; i + p.words.length <= pws.length; i++) {
        var ok = true;
        for (var k = 0; k < p.words.length && ok; k++) ok = pws[i + k] === p.words[k];
        if (!ok) continue;
        for (var j = at[i]; j <= at[i + p.words.length - 1]; j++) marks[j] = p.unit;
        hit.add(p.unit);
      }
    });
    return { marks: marks, hit: hit };
  }

  var EXCERPT_WORDS = 30;

  /**
   * About EXCERPT_WORDS words of a text around its densest matches, as fragments [{text, mark}],
   * with how many units (hits) and words (marked) of the query the excerpt shows.
   */
  function excerpt(text, units, index) {
    var words = scanWords(text), m = markWords(words, units, index);
    var n = words.length, start = 0;
    var isMark = function (i) { return m.marks[i] >= 0; };
    if (n > EXCERPT_WORDS) {
      var bestCount = -1, count = 0;
      for (var i = 0; i < n; i++) {
        if (isMark(i)) count++;
        if (i >= EXCERPT_WORDS && isMark(i - EXCERPT_WORDS)) count--;
        if (i >= EXCERPT_WORDS - 1 && count > bestCount) { bestCount = count; start = i - EXCERPT_WORDS + 1; }
      }
      // Begin a little before the first marked word of the window.
      var first = start;
      while (first < start + EXCERPT_WORDS && !isMark(first)) first++;
      if (first < n && isMark(first)) start = Math.max(0, Math.min(first - 6, n - EXCERPT_WORDS));
    }
    var end = Math.min(n, start + EXCERPT_WORDS);
    var frags = [], pos = n ? words[start].start : 0, shown = new Set(), marked = 0;
    if (start > 0) frags.push({ text: '\u2026 ', mark: false });
    for (var w = start; w < end; w++) {
      if (words[w].start > pos) frags.push({ text: text.slice(pos, words[w].start), mark: false });
      frags.push({ text: text.slice(words[w].start, words[w].end), mark: isMark(w) });
      if (isMark(w)) { shown.add(m.marks[w]); marked++; }
      pos = words[w].end;
    }
    var tailEnd = end < n ? words[end - 1].end : text.length;
    if (tailEnd > pos) frags.push({ text: text.slice(pos, tailEnd), mark: false });
    if (end < n) frags.push({ text: ' \u2026', mark: false });
    return { frags: frags, hits: shown.size, marked: marked };
  }

  /** Per unit, lists of lower-case strings that, all found in a text, suggest the unit matches
   *  there (stems are mostly prefixes of the words they come from; a synonym phrase needs all its
   *  words): a cheap first look at a page's sections. */
  function needles(units, index) {
    return units.map(function (u) {
      var out = [];
      u.alts.forEach(function (a) {
        if (a.group !== undefined) index.m.synonyms[a.group].forEach(function (ph) { out.push(ph); });
        else a.terms.forEach(function (t) { out.push([t]); });
      });
      return out;
    });
  }

  function containsAll(text, words) {
    for (var i = 0; i < words.length; i++) if (text.indexOf(words[i]) < 0) return false;
    return true;
  }

  /**
   * The best place in a page for the query: the summary or one of its sections, whichever holds
   * most of the query's words ({anchor, heading, frags}; no anchor for the summary). On a page of
   * many sections (the glossary), sections are first ranked by a substring look for the query's
   * stems (in a heading counts more), and only the four likeliest are read word by word.
   */
  function bestSection(page, units, index) {
    var summary = excerpt(page.m, units, index);
    var best = { score: summary.hits * 10 + Math.min(summary.marked, 10), anchor: '', heading: '', frags: summary.frags };
    var look = needles(units, index);
    var likely = page.s.map(function (s, i) {
      var heading = s[1].toLowerCase(), text = s[2].toLowerCase(), n = 0;
      look.forEach(function (list) {
        var inHeading = false, inText = false;
        list.forEach(function (x) {
          if (containsAll(heading, x)) inHeading = true;
          else if (containsAll(text, x)) inText = true;
        });
        n += inHeading ? 7 : inText ? 4 : 0;
      });
      return { i: i, n: n };
    }).filter(function (c) { return c.n > 0; });
    likely.sort(function (a, b) { return b.n - a.n || a.i - b.i; });
    likely.slice(0, page.s.length <= 12 ? 12 : 4).forEach(function (c) {
      var s = page.s[c.i];
      var heading = markWords(scanWords(s[1]), units, index);
      var body = excerpt(s[2], units, index);
      var score = body.hits * 10 + Math.min(body.marked, 10) + heading.hit.size * 12;
      if (score > best.score || (score === best.score && best.anchor && c.i < best.i)) {
        best = { score: score, anchor: s[0], heading: s[1], frags: body.frags, i: c.i };
      }
    });
    return best;
  }

  // ---------------------------------------------------------------------------------------------
  // The search page.

  var PAGE_SIZE = 10;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function SearchPage(form, index) {
    this.form = form;
    this.index = index;
    this.input = form.querySelector('input[name="q"]') || form.querySelector('input[type="search"]');
    this.fallback = document.querySelector('[data-search-fallback], .all-pages');
    this.seq = 0;
    this.shown = 0;
    this.result = null;
    this.build();
  }

  SearchPage.prototype.build = function () {
    var self = this, facets = this.index.m.facets;
    this.selects = {};
    var box = el('fieldset', { class: 'search-filters' });
    box.appendChild(el('legend', { class: 'search-filters__legend' }, 'Filter results'));
    [['stage', 'Stage', 'All stages'], ['type', 'Type', 'All types'], ['audience', 'For', 'Everyone']].forEach(function (f) {
      var id = 'search-filter-' + f[0];
      var wrap = el('div', { class: 'search-filters__item' });
      wrap.appendChild(el('label', { for: id, class: 'search-page__label search-filters__label' }, f[1]));
      var select = el('select', { id: id, name: f[0], class: 'search-filters__select' });
      select.appendChild(el('option', { value: '' }, f[2]));
      facets[f[0]].forEach(function (v) { select.appendChild(el('option', { value: v[0] }, v[1])); });
      select.addEventListener('change', function () { self.run(true); });
      wrap.appendChild(select);
      box.appendChild(wrap);
      self.selects[f[0]] = select;
    });
    var filters = document.querySelector('[data-search-filters], #search-filters');
    (filters || this.form).appendChild(box);

    this.results = document.querySelector('[data-search-results], #search-results');
    if (!this.results) {
      this.results = el('div', { class: 'search-results' });
      this.form.parentNode.insertBefore(this.results, this.form.nextSibling);
    }
    // Only the status line below speaks; a live list of results would read them all out.
    this.results.removeAttribute('aria-live');
    this.status = el('p', { class: 'search-results__status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.list = el('ol', { class: 'doc-list search-results__list' });
    this.more = el('button', { type: 'button', class: 'search-results__more' }, 'Show more results');
    this.more.hidden = true;
    this.more.addEventListener('click', function () { self.showMore(true); });
    this.results.appendChild(this.status);
    this.results.appendChild(this.list);
    this.results.appendChild(this.more);
    if (this.fallback) this.fallback.hidden = true;

    var timer = 0;
    this.input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.run(false); }, 120);
    });
    this.form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      self.run(true);
    });
    window.addEventListener('popstate', function () { self.readUrl(); self.run(true); });
    this.readUrl();
    this.run(true);
  };

  SearchPage.prototype.readUrl = function () {
    var p = new URLSearchParams(location.search);
    this.input.value = p.get('q') || '';
    var self = this;
    Object.keys(this.selects).forEach(function (k) {
      var v = p.get(k) || '', s = self.selects[k];
      s.value = Array.prototype.some.call(s.options, function (o) { return o.value === v; }) ? v : '';
    });
  };

  SearchPage.prototype.selection = function () {
    var self = this, sel = {};
    Object.keys(this.selects).forEach(function (k) { sel[k] = self.selects[k].selectedIndex; });
    return sel;
  };

  SearchPage.prototype.writeUrl = function () {
    var p = new URLSearchParams(), q = this.input.value.trim(), self = this;
    if (q) p.set('q', q);
    Object.keys(this.selects).forEach(function (k) { if (self.selects[k].value) p.set(k, self.selects[k].value); });
    var qs = p.toString();
    history.replaceState(history.state, '', location.pathname + (qs ? '?' + qs : '') + location.hash);
  };

  /** Searches; `announce` updates the live region now rather than after typing pauses. */
  SearchPage.prototype.run = function (announce) {
    var self = this, seq = ++this.seq, q = this.input.value;
    this.writeUrl();
    var sel = this.selection();
    if (!q.trim() && !sel.stage && !sel.type && !sel.audience) {
      this.result = null;
      this.results.setAttribute('data-search-done', '');
      this.list.textContent = '';
      this.more.hidden = true;
      this.setStatus('', true);
      this.updateCounts(null);
      return Promise.resolve();
    }
    this.results.setAttribute('aria-busy', 'true');
    return search(this.index, q, sel).then(function (r) {
      if (seq !== self.seq) return;
      self.result = r;
      self.shown = 0;
      self.list.textContent = '';
      self.updateCounts(r.counts);
      return self.showMore(false).then(function () {
        if (seq !== self.seq) return;
        self.results.removeAttribute('aria-busy');
        self.setStatus(self.summary(r), announce);
        // What the results on show answer (for tests and for styling).
        self.results.setAttribute('data-search-done', q);
      });
    }).catch(function (err) {
      if (seq !== self.seq) return;
      self.results.removeAttribute('aria-busy');
      self.setStatus('Search is not available just now. Try the list of all pages below.', true);
      if (self.fallback) self.fallback.hidden = false;
      if (window.console) console.error(err);
    });
  };

  SearchPage.prototype.summary = function (r) {
    var n = r.total, filtered = n !== r.matched;
    if (!r.query.trim()) return n + (n === 1 ? ' page' : ' pages') + ' with these filters.';
    var words = '\u201c' + r.query.trim() + '\u201d';
    if (!n) {
      return filtered ? 'No results for ' + words + ' with these filters. ' + r.matched + ' without them.'
        : 'No results for ' + words + '. Check the spelling, or try fewer or other words.';
    }
    return n + (n === 1 ? ' result for ' : ' results for ') + words + (filtered ? ' with these filters' : '') + '.';
  };

  /** The live region speaks only when the reader stops typing or asks (Enter, a filter). */
  SearchPage.prototype.setStatus = function (text, now) {
    var self = this;
    clearTimeout(this.statusTimer);
    if (now) { this.status.textContent = text; return; }
    this.statusTimer = setTimeout(function () { self.status.textContent = text; }, 900);
  };

  SearchPage.prototype.updateCounts = function (counts) {
    var facets = this.index.m.facets, self = this;
    Object.keys(this.selects).forEach(function (k) {
      var s = self.selects[k];
      facets[k].forEach(function (v, i) {
        var c = counts ? counts[k][i + 1] || 0 : null;
        s.options[i + 1].textContent = v[1] + (c === null ? '' : ' (' + c + ')');
      });
    });
  };

  SearchPage.prototype.showMore = function (focus) {
    var self = this, r = this.result;
    if (!r) return Promise.resolve();
    var seq = this.seq;
    var docs = firstResults(r, this.shown + PAGE_SIZE).slice(this.shown);
    return Promise.all(docs.map(function (d) { return self.index.page(d); })).then(function (pages) {
      if (seq !== self.seq) return;
      var firstLink = null;
      pages.forEach(function (page, k) {
        var item = self.renderResult(page, docs[k], r);
        self.list.appendChild(item);
        if (!firstLink) firstLink = item.querySelector('a');
      });
      self.shown += docs.length;
      self.more.hidden = self.shown >= r.total;
      // After "Show more", move to the first new result so keyboard users carry on from there.
      if (focus && firstLink) firstLink.focus();
    });
  };

  SearchPage.prototype.renderResult = function (page, doc, r) {
    var sec = bestSection(page, r.units, this.index);
    // The theme's doc-list classes, so results look like the site's other lists of pages.
    var item = el('li', { class: 'doc-list__item search-result', 'data-doc': String(doc), 'data-url': page.u });
    var title = el('h2', { class: 'doc-list__title search-result__title' });
    var href = page.u + (sec.anchor ? '#' + encodeURIComponent(sec.anchor) : '');
    title.appendChild(el('a', { href: href, class: 'search-result__link' }, page.t));
    item.appendChild(title);
    if (page.k || page.g) {
      var meta = el('p', { class: 'doc-list__for search-result__meta' });
      if (page.k) meta.appendChild(el('span', { class: 'tag' }, page.k));
      if (page.g) meta.appendChild(document.createTextNode((page.k ? ' ' : '') + page.g + ' stage'));
      item.appendChild(meta);
    }
    if (sec.heading) item.appendChild(el('p', { class: 'doc-list__for search-result__section' }, 'Section: ' + sec.heading));
    var p = el('p', { class: 'doc-list__summary search-result__excerpt' });
    sec.frags.forEach(function (fr) {
      p.appendChild(fr.mark ? el('mark', null, fr.text) : document.createTextNode(fr.text));
    });
    item.appendChild(p);
    return item;
  };

  // ---------------------------------------------------------------------------------------------
  // Start: on the search page, whose form is marked data-search or sits beside #search-results
  // (themes/toolkit/templates/search.mustache; docs/search.md has the contract).

  var api = { terms: terms, stem: stem, scanWords: scanWords };
  window.toolkitSearch = api;

  function start() {
    var form = document.querySelector('form[data-search]') ||
      (document.querySelector('[data-search-results], #search-results') && document.querySelector('main form[role="search"]'));
    if (!form || !window.fetch || !window.DecompressionStream || !window.TextDecoder || !window.URLSearchParams) return;
    var manifest = form.getAttribute('data-search-index') || new URL('manifest.json', new URL(form.action, location.href)).href;
    var index = new SearchIndex(manifest);
    api.ready = index.load().then(function () {
      api.index = index;
      api.search = function (q, sel) { return search(index, q, sel || {}); };
      // What a results page needs, without the page: the first ten results with their excerpts
      // (the benchmark times this).
      api.query = function (q, sel) {
        return search(index, q, sel || {}).then(function (r) {
          var docs = firstResults(r, PAGE_SIZE);
          return Promise.all(docs.map(function (d) { return index.page(d); })).then(function (pages) {
            return pages.map(function (p) {
              var sec = bestSection(p, r.units, index);
              return { url: p.u + (sec.anchor ? '#' + sec.anchor : ''), title: p.t, excerpt: sec.frags };
            });
          });
        });
      };
      api.page = new SearchPage(form, index);
      return api;
    });
    api.ready.catch(function (err) { if (window.console) console.error(err); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
