import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../ui/page-title.tsx';
import { BackupSection } from './backup-section.tsx';
import { ExportSection } from './export-section.tsx';
import { ImportSection } from './import-section.tsx';
import './exchange.css';

export function SharePage() {
  const [params] = useSearchParams();
  const incidentId = params.get('incident') ?? undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link to={incidentId ? `/incidenten/${incidentId}/gegevens` : '/incidenten'}>
          {incidentId ? 'Terug naar het incident' : 'Incidenten'}
        </Link>
      </p>
      <PageTitle title="Delen en back-up">Delen en back-up</PageTitle>
      <ExportSection {...(incidentId ? { incidentId } : {})} />
      <ImportSection />
      <BackupSection />
    </>
  );
}
