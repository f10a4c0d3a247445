import { ExportButton } from '../../components/ExportButton';
import { useStore } from '../../store';

/** "Export CSV": the register of every case the list's filters match, saved where the officer chooses. */
export function RegisterExport(): React.JSX.Element {
  const exportRegister = useStore((s) => s.exportRegister);
  return <ExportButton label="Export CSV" what="Case register" run={exportRegister} />;
}
