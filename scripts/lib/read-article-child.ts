// The child process of read-article-file.ts: reads one file through the app's import code and prints the result as JSON.
import { basename } from 'node:path'
import { articleFromBytes } from '../../src/main/import/importer'
import { readImportFile } from '../../src/main/import/read-file'

const path = process.argv[2] ?? ''
void readImportFile(path).then((bytes) => {
  process.stdout.write(JSON.stringify(bytes.ok ? articleFromBytes(basename(path), bytes.value) : bytes))
})
