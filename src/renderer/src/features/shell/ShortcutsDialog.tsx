import { Modal } from '../../components/Modal';
import { useStore } from '../../store';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsDialog(): React.JSX.Element {
  const close = useStore((s) => s.setShortcutsHelp);
  const enabled = useStore((s) => s.settings.shortcuts);
  return (
    <Modal labelledBy="shortcuts-title" onClose={() => close(false)} className="modal-narrow">
      <h2 id="shortcuts-title" className="modal-title">
        Keyboard shortcuts
      </h2>
      {enabled ? null : (
        <p className="muted">Shortcuts are turned off in Settings; only Esc and the list keys work.</p>
      )}
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((item) => (
            <tr key={item.action}>
              <td>
                {item.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? <span className="muted"> {item.join} </span> : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{item.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Shortcuts never fire while you type in a field.</p>
      <div className="modal-actions">
        <button type="button" className="btn btn-primary" onClick={() => close(false)} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
