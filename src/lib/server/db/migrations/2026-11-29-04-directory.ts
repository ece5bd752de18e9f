import { type Kysely, sql } from 'kysely';
import { idColumn, idType, instantType } from './dialect';

// Frozen: never change what it runs after it has shipped (migrations-frozen.test.ts); add a new migration instead.
// The directory of further contact points (weitere Anlaufstellen), shaped like Open Referral
// HSDS 3: an organisation offers services; a service covers service areas (the whole country or
// single Länder) and carries taxonomy terms (topics, sub-markets).
export async function up(db: Kysely<any>): Promise<void> {
	const id = idType(db);
	const pk = idColumn(db);
	const instant = instantType(db);

	await db.schema
		.createTable('cp_organization')
		.addColumn('id', id, pk)
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('website', 'text')
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		// Verbände: advocacy only, nobody is referred there for one-to-one advice.
		.addColumn('is_advocacy', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_verified_at', instant)
		.addColumn('last_verified_by', 'text')
		.addColumn('created_at', instant, (c) => c.notNull())
		.addColumn('updated_at', instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('cp_service')
		.addColumn('id', id, pk)
		.addColumn('organization_id', 'integer', (c) =>
			c.notNull().references('cp_organization.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.check(sql`kind in ('beratung', 'foerderung', 'versicherung', 'netzwerk', 'portal', 'verband')`)
		)
		.addColumn('cost', 'text', (c) => c.check(sql`cost is null or cost in ('free', 'fee', 'loan', 'mixed')`))
		.addColumn('url', 'text')
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema.createIndex('cp_service_org_idx').on('cp_service').column('organization_id').execute();

	await db.schema
		.createTable('cp_service_area')
		.addColumn('service_id', 'integer', (c) => c.notNull().references('cp_service.id').onDelete('cascade'))
		.addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('bund', 'land')`))
		.addColumn('land_iso', 'text', (c) => c.references('land.iso'))
		.addCheckConstraint(
			'cp_service_area_land',
			sql`(scope = 'bund' and land_iso is null) or (scope = 'land' and land_iso is not null)`
		)
		.execute();
	await db.schema
		.createIndex('cp_service_area_service_idx')
		.on('cp_service_area')
		.column('service_id')
		.execute();
	await db.schema.createIndex('cp_service_area_land_idx').on('cp_service_area').column('land_iso').execute();

	await db.schema
		.createTable('cp_service_taxonomy')
		.addColumn('service_id', 'integer', (c) => c.notNull().references('cp_service.id').onDelete('cascade'))
		.addColumn('vocabulary', 'text', (c) => c.notNull().check(sql`vocabulary in ('topic', 'submarket')`))
		.addColumn('term_key', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('cp_service_taxonomy_pk', ['service_id', 'vocabulary', 'term_key'])
		.execute();
	await db.schema
		.createIndex('cp_service_taxonomy_term_idx')
		.on('cp_service_taxonomy')
		.columns(['vocabulary', 'term_key'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('cp_service_taxonomy').execute();
	await db.schema.dropTable('cp_service_area').execute();
	await db.schema.dropTable('cp_service').execute();
	await db.schema.dropTable('cp_organization').execute();
}
