/**
 * The Packages API's list of a container package's versions, for organisations and users:
 * `GET /orgs/{org}/packages/container/{name}/versions` and the `/users/{username}/…` twin,
 * newest first and paginated like every list. The package name arrives URL-encoded (`a%2Fb`
 * for ghcr.io/owner/a/b) and is one path segment once decoded. A package under the other kind
 * of owner, an unknown package and any type but `container` are GitHub's 404.
 */
import { fail } from './http-errors.js'
import type { Context, Reply, RouteTable } from './router.js'
import { paginate } from './shapes.js'
import { lower } from './state.js'

function versions(ctx: Context, kind: 'orgs' | 'users', owner: string): Reply {
  const { state } = ctx
  const name = ctx.params.package_name!
  const list =
    ctx.params.package_type === 'container'
      ? state.packages.get(`${kind}/${lower(owner)}`)?.get(name)
      : undefined
  if (!list) fail(404, 'Package not found.')
  const packageUrl = `${state.baseUrl}/${kind}/${owner}/packages/container/${encodeURIComponent(name)}`
  return paginate(
    ctx,
    list.map(v => ({
      id: v.id,
      name: v.name,
      url: `${packageUrl}/versions/${v.id}`,
      package_html_url: `${state.baseUrl}/${owner}/${state.repo}/pkgs/container/${encodeURIComponent(name)}`,
      created_at: v.createdAt,
      updated_at: v.updatedAt,
      html_url: `${state.baseUrl}/${owner}/${state.repo}/pkgs/container/${encodeURIComponent(name)}/${v.id}`,
      metadata: { package_type: 'container', container: { tags: [...v.tags] } }
    }))
  )
}

export const packages: RouteTable = {
  'GET /orgs/{org}/packages/{package_type}/{package_name}/versions': ctx =>
    versions(ctx, 'orgs', ctx.params.org!),
  'GET /users/{username}/packages/{package_type}/{package_name}/versions': ctx =>
    versions(ctx, 'users', ctx.params.username!)
}
