SELECT count(*) FROM admin_users;
