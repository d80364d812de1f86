import { PageTitle } from '../ui/page-title.tsx';
import { SearchPanel } from './search-panel.tsx';

export function SearchPage() {
  return (
    <>
      <PageTitle title="Zoeken">Zoeken</PageTitle>
      <SearchPanel />
    </>
  );
}
