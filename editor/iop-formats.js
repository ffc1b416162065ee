/* Our files as the web editor reads and writes them: `Key: value` lines, a
   blank line, then the text (pages, notices); the same lines alone (facts,
   center.txt); and redirects.txt's "old new" lines.

   Read exactly as plugins/lib/datafile.py reads them (keys in any case, "-" the
   same as "_", a line of four spaces or a tab continues the value above,
   the first blank line ends the header), so the editor and the build never
   see two different files; tests/editor/ holds both readers to that.

   Written back the least that changed: a field the form did not change
   keeps its line(s) byte for byte, a changed one is written on one line
   under the label the file already used, a field emptied loses its line,
   a new one goes after the field the form shows before it. An untouched
   file is written back identical (tests/editor/ round-trips every file of
   content/). Works in the browser (window.IOPFormats) and in Node (the
   tests). */
(function (root) {
  'use strict';

  var KEY_LINE = /^([A-Za-z0-9_-]+):[ \t]*([^\n]*)$/;
  var CONTINUATION = /^(?: {4,}|\t)([^\n]*)$/;
  // The editor's own keys in an entry's data: never fields of the file.
  var SOURCE = '__source';

  function normalizeText(text) {
    return String(text || '').replace(/^\ufeff/, '').replace(/\r\n/g, '\n').replace(/\r/g, '\n');
  }

  // Python's str.strip() for the characters a header line can hold.
  function strip(text) {
    return text.replace(/^\s+|\s+$/g, '');
  }

  function keyOf(label) {
    return label.toLowerCase().replace(/-/g, '_');
  }

  function labelOf(key) {
    var text = key.replace(/_/g, '-');
    return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
  }

  /* plugins/lib/datafile.py parse(), line for line. entries: each key's lines
     (first, last: 0-based, continuations included) and its label as
     written; repeated keys and stray lines stay in the header as they are. */
  function parse(text) {
    var lines = normalizeText(text).split('\n');
    var data = { fields: {}, lines: {}, entries: [], bodyLine: 1, headerEnd: 0, lines_: lines };
    var key = null;
    var current = null;
    var ended = false;
    for (var index = 0; index < lines.length; index++) {
      var line = lines[index];
      var number = index + 1;
      if (!line.replace(/^[ \t]+|[ \t]+$/g, '')) {
        data.bodyLine = number + 1;
        data.headerEnd = index;
        ended = true;
        break;
      }
      var match = KEY_LINE.exec(line);
      var continued = CONTINUATION.exec(line);
      if (continued && key) {
        data.fields[key] += ' ' + strip(continued[1]);
        if (current) current.last = index;
      } else if (match) {
        key = keyOf(match[1]);
        if (Object.prototype.hasOwnProperty.call(data.fields, key)) {
          current = null; // a repeated key: the build reports it; kept as written
          continue;
        }
        data.fields[key] = strip(match[2]);
        data.lines[key] = number;
        current = { key: key, label: match[1], first: index, last: index };
        data.entries.push(current);
      } else if (number === 1) {
        data.bodyLine = 1;
        data.headerEnd = 0;
        ended = true;
        break;
      } else {
        current = null; // a stray line: kept as written
      }
    }
    if (!ended) {
      data.bodyLine = lines.length + 1;
      data.headerEnd = lines.length;
    }
    data.body = lines.slice(data.bodyLine - 1).join('\n');
    return data;
  }

  // A form value as one line of a file.
  function valueOf(value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return String(value);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return strip(String(value).replace(/\s*\n\s*/g, ' '));
  }

  function fieldKeys(sortedKeys, data) {
    var keys = (sortedKeys && sortedKeys.length ? sortedKeys : Object.keys(data)).slice();
    return keys.filter(function (key) {
      return key !== 'body' && key.indexOf('__') !== 0;
    });
  }

  function withFinalNewline(body) {
    return body === '' || /\n$/.test(body) ? body : body + '\n';
  }

  function sameBody(a, b) {
    return a.replace(/\n+$/, '') === b.replace(/\n+$/, '');
  }

  function fresh(data, keys, withBody) {
    var header = [];
    keys.forEach(function (key) {
      var value = valueOf(data[key]);
      if (value) header.push(labelOf(key) + ': ' + value);
    });
    if (!withBody) return header.join('\n') + '\n';
    return header.join('\n') + '\n\n' + withFinalNewline(String(data.body || ''));
  }

  /* The file for `data`: the least change to data.__source, or a new file
     with the fields in `sortedKeys` order. `withBody`: pages and notices. */
  function write(data, sortedKeys, withBody) {
    var keys = fieldKeys(sortedKeys, data);
    if (typeof data[SOURCE] !== 'string') return fresh(data, keys, withBody);
    var source = data[SOURCE];
    var old = parse(source);
    var lines = old.lines_;
    var known = {};
    keys.forEach(function (key) {
      known[key] = true;
    });
    var changed = false;
    var blocks = []; // {key, lines}
    var starts = {};
    old.entries.forEach(function (entry) {
      starts[entry.first] = entry;
    });
    for (var index = 0; index < old.headerEnd; index++) {
      var entry = starts[index];
      if (!entry) {
        blocks.push({ key: null, lines: [lines[index]] });
        continue;
      }
      var original = lines.slice(entry.first, entry.last + 1);
      index = entry.last;
      if (!known[entry.key]) {
        blocks.push({ key: entry.key, lines: original });
        continue;
      }
      var value = valueOf(data[entry.key]);
      if (value === old.fields[entry.key]) {
        blocks.push({ key: entry.key, lines: original });
      } else {
        changed = true;
        if (value) blocks.push({ key: entry.key, lines: [entry.label + ': ' + value] });
      }
    }
    keys.forEach(function (key, position) {
      var value = valueOf(data[key]);
      if (!value || Object.prototype.hasOwnProperty.call(old.fields, key)) return;
      changed = true;
      // After the last field the form shows before it; else first.
      var before = keys.slice(0, position);
      var at = 0;
      blocks.forEach(function (block, blockIndex) {
        if (block.key && before.indexOf(block.key) >= 0) at = blockIndex + 1;
      });
      blocks.splice(at, 0, { key: key, lines: [labelOf(key) + ': ' + value] });
    });
    var rest = lines.slice(old.headerEnd);
    if (withBody && typeof data.body === 'string' && !sameBody(data.body, old.body)) {
      changed = true;
      var separator = old.headerEnd < lines.length && old.bodyLine > 1 ? [lines[old.headerEnd]] : [''];
      rest = separator.concat(withFinalNewline(data.body).split('\n'));
    }
    if (!changed) return source;
    var header = [];
    blocks.forEach(function (block) {
      header = header.concat(block.lines);
    });
    if (old.bodyLine === 1 && header.length) {
      rest = [''].concat(rest); // a file that had no header gets one
    }
    return header.concat(rest).join('\n');
  }

  var page = {
    fromFile: function (text) {
      var parsed = parse(text);
      var data = Object.assign({}, parsed.fields, { body: parsed.body });
      data[SOURCE] = text;
      return data;
    },
    toFile: function (data, sortedKeys) {
      return write(data, sortedKeys, true);
    },
  };

  var record = {
    fromFile: function (text) {
      var data = Object.assign({}, parse(text).fields);
      data[SOURCE] = text;
      return data;
    },
    toFile: function (data, sortedKeys) {
      return write(data, sortedKeys, false);
    },
  };

  /* redirects.txt as plugins/reading/redirects.py reads it: "#" starts a comment,
     a line is "old new". Lines that are not (comments, blanks, a line the
     build will refuse) stay where they are, with the redirect after them. */
  function redirectLines(text) {
    var records = [];
    var pending = [];
    var head = null; // the lines before the first redirect: the file's own notes
    normalizeText(text)
      .split('\n')
      .forEach(function (line) {
        var parts = strip(line.split('#')[0]).split(/\s+/).filter(Boolean);
        if (parts.length === 2) {
          if (head === null) {
            head = pending;
            pending = [];
          }
          records.push({ old: parts[0], new: parts[1], lines: pending.concat([line]) });
          pending = [];
        } else {
          pending.push(line);
        }
      });
    return { head: head || [], records: records, trailing: pending };
  }

  var redirects = {
    fromFile: function (text) {
      var data = {
        redirects: redirectLines(text).records.map(function (r) {
          return { old: r.old, new: r.new };
        }),
      };
      data[SOURCE] = text;
      return data;
    },
    toFile: function (data) {
      var items = (data.redirects || []).map(function (item) {
        return { old: valueOf(item.old), new: valueOf(item.new) };
      });
      var source = typeof data[SOURCE] === 'string' ? data[SOURCE] : '';
      var parsed = redirectLines(source);
      var same =
        items.length === parsed.records.length &&
        items.every(function (item, i) {
          return item.old === parsed.records[i].old && item.new === parsed.records[i].new;
        });
      if (same && source) return source;
      var used = [];
      var out = parsed.head.slice();
      items.forEach(function (item) {
        var found = -1;
        parsed.records.forEach(function (r, i) {
          if (found < 0 && used.indexOf(i) < 0 && r.old === item.old && r.new === item.new) found = i;
        });
        if (found >= 0) {
          used.push(found);
          out = out.concat(parsed.records[found].lines);
        } else if (item.old || item.new) {
          out.push(item.old + ' ' + item.new);
        }
      });
      var trailing = parsed.trailing.length ? parsed.trailing : [''];
      return out.concat(trailing).join('\n');
    },
  };

  var api = {
    parse: parse,
    labelOf: labelOf,
    formats: { 'iop-page': page, 'iop-data': record, 'iop-redirects': redirects },
    extensions: { 'iop-page': 'md', 'iop-data': 'txt', 'iop-redirects': 'txt' },
    SOURCE: SOURCE,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.IOPFormats = api;
})(typeof window !== 'undefined' ? window : this);
