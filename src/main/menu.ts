import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/ipc/contract'

/**
 * The application menu as data, so a test can check every command is reachable and has its shortcut.
 * `send` delivers a command to the focused app window.
 */
export function menuTemplate(send: (command: MenuCommand) => void, isMac: boolean): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command)
  })
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('&Open Article…', 'open-article', 'CmdOrCtrl+O'),
        item('&Paste Article…', 'paste-article', 'CmdOrCtrl+Shift+V'),
        item('Add from &Link…', 'add-link', 'CmdOrCtrl+L'),
        { type: 'separator' },
        item('&Export Progress…', 'export-progress', 'CmdOrCtrl+Shift+E'),
        item('&Import Progress…', 'import-progress', 'CmdOrCtrl+Shift+I'),
        item('Export &Questions…', 'export-questions', 'CmdOrCtrl+Shift+X'),
        { type: 'separator' },
        item('Se&ttings…', 'show-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      // Undo goes to the window, which takes back the last answer or delete, or undoes typing in a text field.
      label: '&Edit',
      submenu: [
        item('&Undo', 'undo', 'CmdOrCtrl+Z'),
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' }
      ]
    },
    {
      label: '&View',
      submenu: [
        item('&Library', 'show-library', 'CmdOrCtrl+1'),
        item('&Reader', 'show-reader', 'CmdOrCtrl+2'),
        item('Re&view', 'show-review', 'CmdOrCtrl+3'),
        item('&Statistics', 'show-stats', 'CmdOrCtrl+4'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [item('&Keyboard Shortcuts', 'show-shortcuts', 'F1')] }
  ]
}
