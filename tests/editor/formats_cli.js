// Drives editor/iop-formats.js for the Python tests: reads a JSON list of
// jobs on stdin, answers a JSON list on stdout. A job:
//   {format, text, keys, data?}: parse `text` (fromFile), write it back
//   (toFile with `data` merged over what was read, if given), and answer
//   {written, data} with the fields as read (the editor's own key left out).
const formats = require('../../editor/iop-formats.js');

let input = '';
process.stdin.on('data', chunk => (input += chunk));
process.stdin.on('end', () => {
  const jobs = JSON.parse(input);
  const answers = jobs.map(job => {
    const format = formats.formats[job.format];
    const read = format.fromFile(job.text);
    const data = Object.assign({}, read, job.data || {});
    const written = format.toFile(data, job.keys || []);
    const shown = Object.assign({}, read);
    delete shown[formats.SOURCE];
    return { written, data: shown };
  });
  process.stdout.write(JSON.stringify(answers));
});
