// What keeps the pack from being saved, in the UI language, naming the field where there is one.
import { useT } from '../../hooks/use-t';
import type { PackProblem } from './pack-problems';

type Props = { problems: PackProblem[]; labelOf: (key: string) => string };

export function PackProblems({ problems, labelOf }: Props) {
  const { t } = useT();
  return (
    <div class="notice notice--error pack-problems" role="alert">
      <p>{t('packs.notSaved')}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.code}:${p.key ?? ''}`}>
            {p.key
              ? t('packs.fieldProblem', {
                  field: labelOf(p.key),
                  message: t(`packs.problems.${p.code}`),
                })
              : t(`packs.problems.${p.code}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
