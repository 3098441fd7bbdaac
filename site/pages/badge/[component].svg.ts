import type { APIRoute, GetStaticPaths } from 'astro';
import type { StatuspageComponent } from '../../../api/status/statuspage-types';
import { badgeComponents, componentBadgeResponse } from '../../data/badge-responses';

export const getStaticPaths: GetStaticPaths = () => badgeComponents().map((component) => ({ params: { component: component.id }, props: { component } }));

export const GET: APIRoute<{ component: StatuspageComponent }> = ({ props }) => componentBadgeResponse(props.component);
