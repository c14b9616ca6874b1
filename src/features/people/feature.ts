import type { Feature } from '../../core/feature.js';
import { APPOINTMENTS_CSV, ROSTERS_CSV, appointmentRows, rosterRows } from './csv.js';
import { extractPeople } from './index.js';

/** People: appointments and removals (人事任免), and rosters of leading groups and joint conferences. */
export const people: Feature<'appointments' | 'rosters'> = {
  name: 'people',
  provides: ['appointments', 'rosters'],
  uses: ['tables'],
  extract: (ctx) => extractPeople(ctx.src, ctx.structure.documents, ctx.records.tables ?? []),
  files: async (issue) => [
    { table: APPOINTMENTS_CSV, records: appointmentRows(issue) },
    { table: ROSTERS_CSV, records: rosterRows(issue) },
  ],
  kinds: [
    {
      name: 'appointments',
      description: 'appointments and removals (人事任免): name, posts, qualifiers, period',
      records: (issue) => issue.appointments,
      csv: APPOINTMENTS_CSV,
      csvRecords: appointmentRows,
    },
    {
      name: 'rosters',
      description: 'members of leading groups, joint conferences and committees',
      records: (issue) => issue.rosters,
      csv: ROSTERS_CSV,
      csvRecords: rosterRows,
    },
  ],
  schemas: async () => {
    const m = await import('../../model/people.js');
    return { appointment: m.Appointment, 'appointment-position': m.Position, roster: m.Roster, 'roster-member': m.RosterMember };
  },
};
