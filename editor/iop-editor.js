/* The web editor, made ours: our file formats, our checks at every save
   (a save with an error is not written, and each problem line shows next
   to the field it concerns), the preview pane showing the page as the
   site's own build renders it, and the last publish's status.

   The checks and previews come from /admin/api/check: on a staff member's
   computer the live preview answers it (tools/editor_backend.py); on the
   center's server, the same program does. Decap CMS's own globals
   (CMS, createClass, h) are used as Decap documents them. */
(function () {
  'use strict';

  var formats = window.IOPFormats;
  Object.keys(formats.formats).forEach(function (name) {
    CMS.registerCustomFormat(name, formats.extensions[name], formats.formats[name]);
  });

  var CHECK = '/admin/api/check';
  var STATUS = '/admin/api/status';
  var settings = fetch('/admin/config.yml', { credentials: 'same-origin' })
    .then(function (response) {
      return response.json();
    })
    .then(function (config) {
      var collections = {};
      config.collections.forEach(function (collection) {
        collections[collection.name] = collection;
      });
      return { config: config, collections: collections };
    });

  function plain(value) {
    return value && typeof value.toJS === 'function' ? value.toJS() : value;
  }

  function fieldNames(spec) {
    return spec.fields.map(function (field) {
      return field.name;
    });
  }

  /* The files an entry saves as ({path, text}), written as the save will
     write them: the English file, and for a notice its Spanish text. */
  function filesOf(entry, spec) {
    var path = entry.get('path');
    var slug = entry.get('slug') || 'new-page';
    var format = formats.formats[spec.format];
    if (spec.files) {
      var file = spec.files[0];
      return [{ path: file.file, text: format.toFile(plain(entry.get('data')), fieldNames(file)) }];
    }
    var keys = fieldNames(spec);
    var extension = spec.extension || 'md';
    var files = [];
    if (spec.i18n) {
      var base = spec.folder + '/en/' + slug + '.' + extension;
      path = path || base;
      files.push({ path: path, text: format.toFile(plain(entry.get('data')), keys) });
      var spanish = entry.getIn(['i18n', 'es', 'data']);
      if (spanish) {
        files.push({
          path: path.replace(spec.folder + '/en/', spec.folder + '/es/'),
          text: format.toFile(plain(spanish), keys),
        });
      }
      return files;
    }
    path = path || spec.folder + '/' + slug + '.' + extension;
    return [{ path: path, text: format.toFile(plain(entry.get('data')), keys) }];
  }

  /* On the center's server the checks answer people signed in with
     GitHub: the token Decap keeps for this site goes with each request. */
  function headers() {
    var sent = { 'Content-Type': 'application/json' };
    try {
      var user = JSON.parse(window.localStorage.getItem('decap-cms-user') || 'null');
      if (user && user.token) sent.Authorization = 'Bearer ' + user.token;
    } catch (error) {
      /* no user stored: the local editor */
    }
    return sent;
  }

  /* Photos chosen for this entry but not saved yet (Decap keeps them in
     the browser until the entry is saved): the check needs them too, or a
     new page's photo would be "not found". */
  function pendingMedia(entry) {
    var files = plain(entry.get('mediaFiles')) || [];
    return Promise.all(
      files
        .filter(function (file) {
          return file && file.path && typeof file.url === 'string' && file.url.indexOf('blob:') === 0;
        })
        .map(function (file) {
          return fetch(file.url)
            .then(function (response) {
              return response.blob();
            })
            .then(function (blob) {
              return new Promise(function (resolve) {
                var reader = new FileReader();
                reader.onload = function () {
                  resolve({ path: file.path, content: String(reader.result).split(',')[1] || '' });
                };
                reader.readAsDataURL(blob);
              });
            });
        }),
    );
  }

  function check(files, entry) {
    return (entry ? pendingMedia(entry) : Promise.resolve([])).then(function (media) {
      return send(files, media);
    });
  }

  function send(files, media) {
    return fetch(CHECK, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers(),
      body: JSON.stringify({ files: files, media: media }),
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) throw new Error(answer.error || 'the check did not answer');
        return answer;
      });
    });
  }

  /* Our problem lines next to the fields they concern (and the text's
     under the Text field); the form is Decap's, so they are put after
     each field's label block and cleared at the next check. */
  function showProblems(problems) {
    document.querySelectorAll('.iop-field-problem').forEach(function (node) {
      node.remove();
    });
    problems.forEach(function (problem) {
      // Errors stop a save and warnings ask for a look; notes and advice
      // (a missing Spanish page) are the preview's and the checklist's.
      if (problem.level !== 'error' && problem.level !== 'warning') return;
      var name = problem.field || 'body';
      var label = document.querySelector('label[for^="' + name + '-field-"]');
      // Under the field's whole block (label, input, hint).
      var holder = label ? label.closest('[class*="ControlContainer"]') || label.parentElement : null;
      if (!holder) return;
      var note = document.createElement('p');
      note.className = 'iop-field-problem' + (problem.level === 'error' ? '' : ' iop-field-problem--warning');
      note.setAttribute('role', problem.level === 'error' ? 'alert' : 'status');
      note.textContent = problem.text;
      holder.appendChild(note);
    });
  }

  CMS.registerEventListener({
    name: 'preSave',
    handler: function (event) {
      var entry = event.entry;
      return settings.then(function (found) {
        var spec = found.collections[entry.get('collection')];
        if (!spec) return undefined;
        return check(filesOf(entry, spec), entry).then(function (answer) {
          showProblems(answer.problems);
          if (!answer.ok) {
            throw new Error('Not saved: ' + answer.new_errors.join(' | '));
          }
          return undefined;
        });
      });
    },
  });

  /* The preview pane: the page as the site's build renders it, from the
     unsaved text, a moment after typing stops; or the build's problems. */
  var Preview = createClass({
    getInitialState: function () {
      return { url: null, lines: [], waiting: true };
    },
    componentDidMount: function () {
      this.schedule();
    },
    componentDidUpdate: function (previous) {
      if (previous.entry !== this.props.entry) this.schedule();
    },
    componentWillUnmount: function () {
      clearTimeout(this.timer);
      this.gone = true;
    },
    schedule: function () {
      var self = this;
      clearTimeout(self.timer);
      self.timer = setTimeout(function () {
        self.run();
      }, 1200);
    },
    run: function () {
      var self = this;
      var entry = self.props.entry;
      var asked = (self.asked = (self.asked || 0) + 1);
      settings
        .then(function (found) {
          var spec = found.collections[entry.get('collection')];
          return check(filesOf(entry, spec), entry);
        })
        .then(function (answer) {
          if (self.gone || asked !== self.asked) return;
          var lines = answer.problems
            .filter(function (p) {
              return p.level === 'error' || p.level === 'warning';
            })
            .map(function (p) {
              return p.text;
            });
          showProblems(answer.problems);
          self.setState({ url: answer.preview, lines: lines, waiting: false });
        })
        .catch(function (error) {
          if (!self.gone) self.setState({ url: null, lines: [String(error.message || error)], waiting: false });
        });
    },
    render: function () {
      var box = { font: '1rem/1.5 system-ui, sans-serif', padding: '0 1rem', color: '#1b262c' };
      var list = this.state.lines.length
        ? h(
            'div',
            { style: { background: '#fbe0e0', borderLeft: '4px solid #a4161a', padding: '0.5rem 1rem' } },
            h('p', { style: { margin: '0 0 0.5rem', fontWeight: 700 } }, 'The build says:'),
            h(
              'ul',
              { style: { margin: 0 } },
              this.state.lines.map(function (line, i) {
                return h('li', { key: i }, line);
              }),
            ),
          )
        : null;
      if (this.state.waiting) return h('div', { style: box }, h('p', null, 'Building the preview…'));
      if (!this.state.url) {
        return h(
          'div',
          { style: box },
          list,
          h(
            'p',
            null,
            this.state.lines.length
              ? 'The preview comes back once these are fixed.'
              : 'This kind of file has no page of its own: the checks are its preview, and none found a problem.',
          ),
        );
      }
      return h(
        'div',
        null,
        list,
        h('iframe', {
          src: this.state.url,
          title: 'Preview: the page as the site shows it',
          style: { display: 'block', width: '100%', height: '100vh', border: 0 },
        }),
      );
    },
  });

  settings.then(function (found) {
    Object.keys(found.collections).forEach(function (name) {
      CMS.registerPreviewTemplate(name, Preview);
      var spec = found.collections[name];
      (spec.files || []).forEach(function (file) {
        CMS.registerPreviewTemplate(file.name, Preview);
      });
    });
  });

  /* The last publish: when it did not go live, a band at the foot of the
     editor says so, with the build's lines (issue: never fail silently). */
  fetch(STATUS, { credentials: 'same-origin', headers: headers() })
    .then(function (response) {
      return response.json();
    })
    .then(function (status) {
      if (!status.known || status.ok) return;
      var band = document.getElementById('iop-status');
      var title = document.createElement('strong');
      title.textContent = 'The last publish did not go live. ';
      band.appendChild(title);
      band.appendChild(document.createTextNode(status.message || ''));
      var list = document.createElement('ul');
      status.problems.forEach(function (line) {
        var item = document.createElement('li');
        item.textContent = line;
        list.appendChild(item);
      });
      band.appendChild(list);
      band.hidden = false;
    })
    .catch(function () {});
})();
