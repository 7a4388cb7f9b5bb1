import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { alignClock } from '../clock';
import { Progress } from '../components/Progress';
import { useHashRoute } from '../hooks/useHashRoute';
import { useI18n } from '../i18n/i18n';
import { AuditLog } from '../screens/AuditLog';
import { ChangePassword } from '../screens/ChangePassword';
import { OperatorsScreen } from '../screens/operators/OperatorsScreen';
import { BooksScreen } from '../screens/books/BooksScreen';
import { DepositsScreen } from '../screens/deposits/DepositsScreen';
import { DunningBoard } from '../screens/dunning/DunningBoard';
import { EstimatesScreen } from '../screens/estimates/EstimatesScreen';
import { PrepaidScreen } from '../screens/prepaid/PrepaidScreen';
import { UsageScreen } from '../screens/usage/UsageScreen';
import '../screens/common/screens.css';
import '../screens/common/close-jobs.css';
import { FirstRun } from '../screens/FirstRun';
import { MembersScreen } from '../screens/members/MembersScreen';
import { MonthsScreen } from '../screens/months/MonthsScreen';
import { BillPage } from '../screens/bill/BillPage';
import { ReceivablesScreen } from '../screens/receivables/ReceivablesScreen';
import { SignIn } from '../screens/SignIn';
import { Today } from '../screens/Today';
import type { Welcome } from '../screens/welcome';
import { jobsFor } from './jobs';
import { useSession } from '../session/session';
import { useMayCall } from '../session/useMayCall';
import { Shell } from './Shell';
import { SellerScreen } from '../screens/seller/SellerScreen';

type Setup = 'checking' | 'firstRun' | 'ready';

/** First run, then sign-in, then the shell with the job the address names. */
export function App() {
  const { t } = useI18n();
  const { operator } = useSession();
  const mayCall = useMayCall();
  const [setup, setSetup] = useState<Setup>('checking');
  const [welcome, setWelcome] = useState<Welcome | null>(null);
  const route = useHashRoute();

  // Time to first render, read by bench/ui.ts (navigation start → this mark, in the page's own clock).
  useEffect(() => {
    performance.mark('backoffice:first-render');
  }, []);

  // The first run's welcome is for the first sign-in only.
  if (operator && welcome) setWelcome(null);

  useEffect(() => {
    void Promise.all([api.call('setup.status', {}), api.call('session.clock', {})]).then(([status, clock]) => {
      if (clock.ok) alignClock(clock.output.now);
      setSetup(status.ok && !status.output.hasOperators ? 'firstRun' : 'ready');
    });
  }, []);

  if (setup === 'checking') {
    return (
      <Shell>
        <div className="centered">
          <Progress label={t('app.loading')} />
        </div>
      </Shell>
    );
  }
  if (setup === 'firstRun') {
    return (
      <Shell>
        <FirstRun
          onDone={(done) => {
            setWelcome(done);
            setSetup('ready');
          }}
        />
      </Shell>
    );
  }
  if (!operator) {
    return (
      <Shell>
        <SignIn welcome={welcome} />
      </Shell>
    );
  }

  const [job = 'today', sub] = route;
  // After an admin reset the password, nothing but choosing a new one (D-SEC-6).
  if (operator.mustChangePassword || job === 'password') {
    return (
      <Shell>
        <ChangePassword />
      </Shell>
    );
  }
  // A job the operator may not do is not there for them: its address opens Today, never a refusal.
  const jobs = jobsFor(mayCall);
  const known = jobs.find((j) => j.route === job) ?? jobs[0]!;
  return (
    <Shell current={known.route}>
      <Screen job={known.route} sub={sub} />
    </Shell>
  );
}

function Screen({ job, sub }: { job: string; sub: string | undefined }) {
  switch (job) {
    case 'members':
      return <MembersScreen sub={sub} />;
    case 'estimates':
      return <EstimatesScreen />;
    case 'deposits':
      return <DepositsScreen />;
    case 'prepaid':
      return <PrepaidScreen />;
    case 'usage':
      if (sub === 'months') return <MonthsScreen />;
      return sub?.startsWith('BIL-') ? <BillPage statementNumber={sub} /> : <UsageScreen />;
    case 'dunning':
      return sub === 'receivables' ? <ReceivablesScreen /> : <DunningBoard />;
    case 'books':
      return <BooksScreen sub={sub} />;
    case 'audit':
      return <AuditLog />;
    case 'operators':
      return <OperatorsScreen />;
    case 'seller':
      return <SellerScreen />;
    default:
      return <Today />;
  }
}
