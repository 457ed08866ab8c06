// Adding an issue to a Projects (v2) project and setting its date field: one query resolves the
// project (of a user or an organization, whichever the owner is) and its fields, then
// addProjectV2ItemById (which returns the existing item when the issue is already in the project, so a
// retry is harmless) and updateProjectV2ItemFieldValue. Every failure is a warning: the issue exists.
import type { GitHubClient } from '../github/githubClient';
import { toGitHubError } from '../github/errors';
import { isIsoDate, type ProjectTarget } from './submitTypes';

interface FieldNode {
  id?: string;
  name?: string;
  dataType?: string;
}

interface ProjectNode {
  id: string;
  title: string;
  fields: { nodes: (FieldNode | null)[] | null };
}

const PROJECT_QUERY = `query AsyncDeskProject($owner: String!, $number: Int!) {
  repositoryOwner(login: $owner) {
    __typename
    ... on User { projectV2(number: $number) { ...AsyncDeskProjectFields } }
    ... on Organization { projectV2(number: $number) { ...AsyncDeskProjectFields } }
  }
}
fragment AsyncDeskProjectFields on ProjectV2 { id title fields(first: 100) { nodes { ... on ProjectV2FieldCommon { id name dataType } } } }`;

const ADD_ITEM = `mutation AsyncDeskAddItem($input: AddProjectV2ItemByIdInput!) { addProjectV2ItemById(input: $input) { item { id } } }`;

const SET_DATE =
  'mutation AsyncDeskSetDate($input: UpdateProjectV2ItemFieldValueInput!) { updateProjectV2ItemFieldValue(input: $input) { projectV2Item { id } } }';

export interface ProjectOutcome {
  itemId?: string;
  warnings: string[];
  neededScopes?: string[];
}

export async function addToProject(client: GitHubClient, issueNodeId: string, target: ProjectTarget): Promise<ProjectOutcome> {
  const where = `project ${target.owner}/${target.number}`;
  const warnings: string[] = [];
  let itemId: string | undefined;
  try {
    const { data } = await client.graphql<{ repositoryOwner: { __typename: string; projectV2?: ProjectNode | null } | null }>(PROJECT_QUERY, {
      owner: target.owner,
      number: target.number,
    });
    if (!data.repositoryOwner) return { warnings: [`The issue was not added to ${where}: GitHub has no user or organization "${target.owner}".`] };
    const project = data.repositoryOwner.projectV2;
    if (!project) return { warnings: [`The issue was not added to ${where}: GitHub has no such project, or your account cannot see it.`] };

    const wanted = target.dateField.trim().toLowerCase();
    const fields = (project.fields.nodes ?? []).filter((f): f is Required<FieldNode> => !!f?.id && !!f.name);
    const field = fields.find((f) => f.name.trim().toLowerCase() === wanted);
    const { data: added } = await client.graphql<{ addProjectV2ItemById: { item: { id: string } | null } | null }>(ADD_ITEM, {
      input: { projectId: project.id, contentId: issueNodeId },
    });
    itemId = added.addProjectV2ItemById?.item?.id;
    if (!itemId) return { warnings: [`The issue was not added to ${where}: GitHub did not return the project item.`] };

    const dateFields = fields.filter((f) => f.dataType === 'DATE').map((f) => `"${f.name}"`);
    const notSet = `Added to "${project.title}", but its date was not set:`;
    if (!field) warnings.push(`${notSet} the project has no field "${target.dateField}" (its date fields: ${dateFields.join(', ') || 'none'}).`);
    else if (field.dataType !== 'DATE')
      warnings.push(
        `${notSet} "${field.name}" is a ${field.dataType.toLowerCase().replace(/_/g, ' ')} field, ` +
          `not a date (date fields: ${dateFields.join(', ') || 'none'}).`,
      );
    else if (!isIsoDate(target.date)) warnings.push(`${notSet} "${target.date}" is not a date (YYYY-MM-DD).`);
    else await client.graphql(SET_DATE, { input: { projectId: project.id, itemId, fieldId: field.id, value: { date: target.date } } });
    return { itemId, warnings };
  } catch (error) {
    const e = toGitHubError(error);
    const step = itemId ? `The issue was added to ${where}, but its date was not set` : `The issue was not added to ${where}`;
    return { ...(itemId ? { itemId } : {}), warnings: [...warnings, `${step}: ${e.message}`], ...(e.neededScopes ? { neededScopes: e.neededScopes } : {}) };
  }
}
